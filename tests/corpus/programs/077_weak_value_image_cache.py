import gc
import weakref


class Image:
    loads = 0

    def __init__(self, path):
        Image.loads += 1
        self.path = path
        self.pixels = bytearray(1024)


_cache = weakref.WeakValueDictionary()


def load(path):
    img = _cache.get(path)
    if img is None:
        img = Image(path)
        _cache[path] = img
    return img


a = load("cat.png")
b = load("cat.png")
c = load("dog.png")
print(a is b, Image.loads, len(_cache), sorted(_cache.keys()))
del a, b
gc.collect()
print(sorted(_cache.keys()), "cat.png" in _cache)
load("cat.png")
print(Image.loads, len(_cache))
del c
print(len(_cache), list(_cache.items()))
