# sys.getrefcount of a list while enumerate, zip, map and reversed walk it:
# each holds its own iterator, which holds the list.
import sys

data = [5, 6, 7]
print("alone:", sys.getrefcount(data))
e = enumerate(data)
print("enumerate:", sys.getrefcount(data))
z = zip(data, data)
print("zip:", sys.getrefcount(data))
m = map(abs, data)
print("map:", sys.getrefcount(data))
f = filter(None, data)
print("filter:", sys.getrefcount(data))
r = reversed(data)
print("reversed:", sys.getrefcount(data))
print(sys.getrefcount(e), sys.getrefcount(z), sys.getrefcount(m))
del e, z, m, f, r
print("after del:", sys.getrefcount(data))

word = "hello"
it = enumerate(word)
first = next(it)
print(first, sys.getrefcount(first))
for i, ch in it:
    pass
print(sys.getrefcount(first))
def double(x):
    return 2 * x
print(sys.getrefcount(double))
mm = map(double, [1])
print(sys.getrefcount(double), list(mm), sys.getrefcount(double))
