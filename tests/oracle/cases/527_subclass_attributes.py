# Subclass instances carry a __dict__ beside the built-in's own items:
# made on first use, counted apart, and weak references work.
import sys
import gc
import weakref


class Playlist(list):
    def __init__(self, name, songs=()):
        super().__init__(songs)
        self.name = name

    def total(self):
        return sum(length for _, length in self)


class Config(dict):
    source = "defaults"

    @property
    def keys_sorted(self):
        return sorted(self)


p = Playlist("road trip", [("one", 210), ("two", 185)])
print(p, p.name, p.total(), len(p))
print(vars(p), sys.getsizeof(p), sys.getsizeof(p.__dict__))
p.append(("three", 240))
p.rating = 5
print(p.__dict__, p.total(), sys.getsizeof(p))
del p.rating
print(p.__dict__, hasattr(p, "rating"))

c = Config(debug=False, level=3)
print(c, c.source, c.keys_sorted, sys.getsizeof(c))
c.source = "file"
print(c.source, Config.source, c.__dict__, len(c))

events = []
r = weakref.ref(c, lambda ref: events.append("config gone"))
w = weakref.ref(p)
print(r() is c, w() is p, weakref.getweakrefcount(c))
print(c.__weakref__ is r)
del c
print(events, r())

a = Playlist("loop")
a.append(a)
a.me = a
print(len(a), a.name)
del a
print(gc.collect())
del p
print(w(), gc.collect())
