# Subclassing set and frozenset, as books do: a tag set that remembers
# where it came from, and a hashable, immutable "Permissions" value.
import gc
import sys


class TagSet(set):
    """A set of tags with a source attached."""

    def __init__(self, tags=(), source="user"):
        super().__init__(tags)
        self.source = source

    def describe(self):
        return f"{len(self)} tags from {self.source}"


class Permissions(frozenset):
    def allows(self, what):
        return what in self


gc.collect()

tags = TagSet(["python", "memory", "gc"], source="blog")
print(tags.describe())
print(sorted(tags), "memory" in tags, len(tags))
print("tracked:", gc.is_tracked(tags))
print("size:", sys.getsizeof(tags), "plain set:", sys.getsizeof(set(tags)))
print("refcount:", sys.getrefcount(tags))
print("__dict__:", tags.__dict__)
tags.add("refcount")
tags.discard("gc")
print(sorted(tags), sys.getsizeof(tags))
for i in range(10):
    tags.add(f"t{i}")
print(len(tags), sys.getsizeof(tags))

union = tags | {"extra"}
print(type(union).__name__, len(union))
print(type(tags.copy()).__name__, isinstance(tags, set))

empty = TagSet()
print(repr(empty), empty.source)
small = TagSet([1])
print(repr(small), small == {1}, {1} == small)

admin = Permissions({"read", "write", "delete"})
guest = Permissions(["read"])
print(admin.allows("write"), guest.allows("write"))
print(guest, repr(Permissions()))
print("size:", sys.getsizeof(admin), sys.getsizeof(frozenset(admin)))
print("tracked:", gc.is_tracked(guest))
print(guest == frozenset(["read"]), guest in {frozenset(["read"])})
lookup = {guest: "guest", admin: "admin"}
print(lookup[frozenset(["read"])])
print(type(admin.copy()).__name__, admin.copy() is admin)
print(type(frozenset(guest)).__name__, frozenset(guest) is guest)
print(type(admin & guest).__name__, sorted(admin & guest))
print(guest <= admin, admin > guest)
print(type(admin).__mro__)
print(hasattr(TagSet, "__weakref__"), hasattr(tags, "__dict__"))

import weakref
r = weakref.ref(tags)
print(r() is tags, weakref.getweakrefcount(tags))
del r
print("refcount of the class:", sys.getrefcount(TagSet))
del tags, union, empty, small
print("refcount of the class after:", sys.getrefcount(TagSet))
