# The objects the weakref module makes: their sizes and what they keep.
import gc
import sys
import weakref


class Point:
    def __init__(self, x):
        self.x = x


p = Point(1)
q = Point(2)
cache = weakref.WeakValueDictionary()
marks = weakref.WeakKeyDictionary()
group = weakref.WeakSet()
print(sys.getsizeof(cache), sys.getsizeof(marks), sys.getsizeof(group))
print(gc.is_tracked(cache), gc.is_tracked(marks), gc.is_tracked(group))

name = "".join(["po", "int"])
print(sys.getrefcount(name), sys.getrefcount(p))
cache[name] = p
print(sys.getrefcount(name), sys.getrefcount(p))
marks[p] = name
print(sys.getrefcount(name), sys.getrefcount(p))
group.add(p)
print(sys.getrefcount(p), weakref.getweakrefcount(p))

f = weakref.finalize(q, print, "q finalized")
print(sys.getsizeof(f), gc.is_tracked(f), sys.getrefcount(q))
pr = weakref.proxy(p)
print(sys.getsizeof(pr), gc.is_tracked(pr), weakref.getweakrefcount(p))

print(sys.getsizeof(cache.keys()), sys.getsizeof(cache.items()))
print(type(iter(cache)).__name__)
del name
print(len(cache))
del p
print(len(cache), len(marks), len(group))
del q
print("end")

tags = {"red", "green"}
watch = weakref.ref(tags)
print(watch() is tags, len(watch()))
del tags
print(watch())
