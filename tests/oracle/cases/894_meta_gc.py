# Classes made by a metaclass are garbage like any class: a cycle through
# their MRO, and the reference each holds to its metaclass.
import gc
import sys

gc.collect()


class Meta(type):
    def __new__(mcs, name, bases, ns):
        ns["created_by"] = mcs.__name__
        return super().__new__(mcs, name, bases, ns)


def make(n):
    made = []
    for i in range(n):
        made.append(Meta(f"K{i}", (), {}))
    return made


before = sys.getrefcount(Meta)
classes = make(4)
print(sys.getrefcount(Meta) - before)
print(classes[0].created_by, [c.__name__ for c in classes])
print(all(gc.is_tracked(c) for c in classes))
del classes
print(sys.getrefcount(Meta) - before)
print("collected:", gc.collect())
print(sys.getrefcount(Meta) - before)
