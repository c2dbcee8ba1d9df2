import weakref


class Node:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"Node({self.name!r})"


def gone(ref):
    print("callback: referent is gone, ref() ->", ref())


n = Node("a")
r = weakref.ref(n, gone)
print(r() is n, r())
print(weakref.getweakrefcount(n))
r2 = weakref.ref(n)
print(weakref.getweakrefcount(n), r2 is weakref.ref(n))
del n
print("after del:", r(), r2())
try:
    weakref.ref([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    weakref.ref(42)
except TypeError as e:
    print("TypeError:", e)
