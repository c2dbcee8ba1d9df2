# Deriving from set, frozenset and bytes: sizes, __dict__, tracking.
import gc
import sys

class TagSet(set):
    def add_all(self, *tags):
        for t in tags:
            self.add(t)

class Frozen(frozenset):
    pass

class Blob(bytes):
    def kib(self):
        return len(self) / 1024

tags = TagSet(["python", "memory"])
tags.add_all("gc", "refcount")
print(sorted(tags), len(tags), type(tags).__name__)
print(sys.getsizeof(tags), sys.getsizeof(set(tags)), gc.is_tracked(tags), gc.is_tracked(set()))
print(tags.__dict__, sys.getrefcount(tags))
tags.owner = "ada"
print(tags.__dict__, "gc" in tags, isinstance(tags, set))
both = tags | {"extra"}
print(type(both).__name__, len(both))

f = Frozen([3, 1, 2])
print(sorted(f), sys.getsizeof(f), sys.getsizeof(frozenset(f)), gc.is_tracked(f))
print(hash(f) == hash(frozenset([1, 2, 3])), f == {1, 2, 3}, type(f & {1}).__name__)
lookup = {f: "three numbers"}
print(lookup[frozenset([1, 2, 3])])

b = Blob(b"hello world")
print(b, len(b), b.kib(), b.upper(), type(b.upper()).__name__)
print(sys.getsizeof(b), sys.getsizeof(bytes(b)), gc.is_tracked(b), gc.is_tracked(b"x"))
b.source = "network"
print(b.__dict__, b[0], b[:5], b.hex(":", 4))
empty = Blob()
print(repr(empty), sys.getsizeof(empty))
print(Blob.__mro__[1].__name__, Frozen.__mro__[1].__name__, TagSet.__mro__[1].__name__)
