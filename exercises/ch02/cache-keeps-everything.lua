-- Fix it: a cache that keeps every image it ever loaded.
-- Checked against CPython 3.11.7 (python3 -S -s): with weak references in the cache the
-- program prints the same lines and no Image outlives its last name.
return {
    id = "cache-keeps-everything",
    title = "A cache that keeps everything",
    goal = "Images are shared while someone uses them, and once the program drops them no "
        .. "Image is left alive, without gc.collect().",
    kind = "fix",
    view = "graph", -- the view the program opens on
    difficulty = 3,
    competencies = { "garbage-collection" },
    hints = {
        "After `page = None` and `logo = None`, what still refers to the 101 images?",
        "A weak reference lets you find an object without keeping it alive: see "
            .. "ch02#weak-references (and ch02#finding-leaks for caches that grow).",
        "Store `weakref.ref(image)` in the dict, and in `load` call the reference: it "
            .. "returns the image, or None once the image has been freed.",
    },
    solution = [[
import weakref


class Image:
    def __init__(self, name):
        self.name = name
        self.pixels = bytearray(1000)


cache = {}


def load(name):
    ref = cache.get(name)
    image = ref() if ref is not None else None
    if image is None:
        image = Image(name)
        cache[name] = weakref.ref(image)
    return image


logo = load("logo")
print("same image:", load("logo") is logo)
for i in range(100):
    page = load("page %d" % i)
page = None
logo = None
print("done")
]],
    starter = [[
class Image:
    def __init__(self, name):
        self.name = name
        self.pixels = bytearray(1000)


cache = {}


def load(name):
    image = cache.get(name)
    if image is None:
        image = Image(name)
        cache[name] = image
    return image


logo = load("logo")
print("same image:", load("logo") is logo)
for i in range(100):
    page = load("page %d" % i)
page = None
logo = None
print("done")
]],
    check = function(run)
        if run.exit ~= 0 then
            return false, "the program stopped with an error: " .. (run.error or "?")
        end
        local shared, done = false, false
        for _, line in ipairs(run.stdout) do
            if line == "same image: True" then shared = true end
            if line == "done" then done = true end
        end
        if not shared then
            return false, "the cache must still share an image while it is in use: "
                .. "'same image: True' must be printed"
        end
        if not done then
            return false, "the program must run to its end and print 'done'"
        end
        if not run.global("cache") then
            return false, "keep the cache: `load` must still look images up in `cache`"
        end
        local _, _, full = run.collections()
        if full > 0 then
            return false, "no gc.collect(): the images must go when their last name does"
        end
        -- "once the program drops them": an image nobody uses must go then, not at
        -- the end; in use at once are the logo and one page (and the next page, made
        -- before the old one is let go)
        local most = run.peak_live("Image")
        if most > 3 then
            return false, ("%d images were alive at once: the cache kept images that nobody "
                .. "used any more"):format(most)
        end
        local alive = run.live("Image")
        if alive > 0 then
            return false, ("%d images are still alive after the program dropped them: the "
                .. "cache keeps them"):format(alive)
        end
        return true, "the cache finds images while they are used and keeps none of them alive"
    end,
}
