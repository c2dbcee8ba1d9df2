# Wrong: the cache still holds every image while the program runs and is
# emptied at the end: nothing is left, but dropped images were never freed.
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
cache.clear()
print("done")
