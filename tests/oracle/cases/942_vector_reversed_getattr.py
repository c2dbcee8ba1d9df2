# A Vector that reverses itself with __reversed__ and hands unknown names to
# the list it wraps with __getattr__ (delegation); a Deck built on list with
# its own __reversed__ and a Playlist whose __getattr__ answers unknown
# names.  reversed() binds __reversed__ and returns what it returns;
# __getattr__ runs only when the normal lookup fails.
import gc
import sys


class Vector:
    def __init__(self, *components):
        self._components = list(components)

    def __len__(self):
        return len(self._components)

    def __getitem__(self, i):
        return self._components[i]

    def __reversed__(self):
        for i in range(len(self._components) - 1, -1, -1):
            yield self._components[i]

    def __getattr__(self, name):
        print("delegating", name)
        return getattr(self._components, name)

    def __repr__(self):
        return f"Vector{tuple(self._components)}"


v = Vector(1, 2, 3)
r = reversed(v)
print(type(r).__name__, list(r), list(reversed(v)))
print(v.count(2), v.index(3))
v.append(4)
print(v, len(v), sys.getrefcount(v))
try:
    v.nope
except AttributeError as e:
    print("AttributeError:", e)


class Deck(list):
    def __reversed__(self):
        print("Deck.__reversed__")
        return super().__reversed__()


d = Deck("abc")
print(list(reversed(d)), type(reversed(d)).__name__)


class NotReversible:
    __reversed__ = None

    def __len__(self):
        return 1

    def __getitem__(self, i):
        return i


try:
    reversed(NotReversible())
except TypeError as e:
    print("TypeError:", e)


class Countdown(tuple):
    def __reversed__(self):
        return iter(sorted(self))


print(list(reversed(Countdown((3, 1, 2)))))


class Window(tuple):
    def __len__(self):
        return 2


print(list(reversed(Window((1, 2, 3)))))


class Playlist(list):
    def __getattr__(self, name):
        if name.startswith("play_"):
            return f"playing {name[5:]}"
        raise AttributeError(name)


p = Playlist(["a", "b"])
p.append("c")
print(p.play_jazz, p, len(p), hasattr(p, "shuffle"), getattr(p, "volume", 11))

gc.collect()
before = gc.get_count()[0]
for _ in range(10):
    p.append("x")
print(gc.get_count()[0] - before)
gc.collect()
before = gc.get_count()[0]
its = [reversed(Vector(i)) for i in range(5)]
print(gc.get_count()[0] - before)
