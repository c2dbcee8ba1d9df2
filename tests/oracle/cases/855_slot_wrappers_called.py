# The special methods of built-in containers called or read directly
import sys, gc
x = [1, 2, 3]
d = {"k": 1}
it = iter(x)
print(x.__len__(), d.__len__(), "abc".__len__(), (1, 2).__len__(), range(10).__len__())
print(it.__next__(), next(it), it.__next__())
try:
    it.__next__()
except StopIteration as e:
    print("StopIteration", e.args)
print(x.__contains__(2), "ab".__contains__("c"), (1, 2).__getitem__(-1), "xyz".__getitem__(slice(1, None)))
x.__setitem__(0, 10)
x.__delitem__(-1)
d.__setitem__("j", 2)
print(x, d)
m = x.__len__
print(type(m).__name__, sys.getsizeof(m), gc.is_tracked(m), m(), sys.getrefcount(x))
del m
print(sys.getrefcount(x), list.__len__(x), repr(list.__len__))
print(hasattr(x, "__iter__"), hasattr(x, "__len__"), hasattr(5, "__len__"), hasattr(iter(x), "__next__"))
for bad in (lambda: x.__len__(1), lambda: x.__contains__(), lambda: d.__setitem__(1)):
    try:
        bad()
    except TypeError as e:
        print(e)
def get_size(obj, seen=None):
    size = sys.getsizeof(obj)
    seen = set() if seen is None else seen
    if id(obj) in seen:
        return 0
    seen.add(id(obj))
    if isinstance(obj, dict):
        size += sum(get_size(v, seen) + get_size(k, seen) for k, v in obj.items())
    elif hasattr(obj, "__iter__") and not isinstance(obj, (str, bytes)):
        size += sum(get_size(i, seen) for i in obj)
    return size
print(get_size([1, [2, 3], {"a": (4, 5)}]))
print(type(None)() is None, type(NotImplemented)() is NotImplemented, type(...)() is ...)
