# How much a special method called by name allocates: the argument tuples
# of a slot wrapper, the bound method-wrapper (48 bytes) or built-in method
# (72), counted by the collector as gen-0 allocations.
import gc, sys
gc.disable()
class P:
    pass
p = P()
l = [1, 2]
d = {'a': 1}
def counts(label, f):
    before = gc.get_count()[0]
    for _ in range(10):
        f()
    print(label, gc.get_count()[0] - before)
counts('eq', lambda: l.__eq__(l))
counts('obj eq', lambda: p.__eq__(p))
counts('repr', lambda: p.__repr__())
counts('str', lambda: l.__str__())
counts('add', lambda: (3).__add__(4))
counts('sizeof', lambda: l.__sizeof__())
counts('getitem', lambda: d.__getitem__('a'))
counts('contains', lambda: d.__contains__('a'))
counts('hash', lambda: p.__hash__())
counts('format', lambda: (5).__format__('>3'))
counts('bound', lambda: l.__len__)
counts('bound2', lambda: l.__sizeof__)
counts('iadd', lambda: l.__iadd__([]))
counts('class', lambda: l.__class__)
counts('name', lambda: l.append.__name__)
counts('qual', lambda: l.append.__qualname__)
counts('meth', lambda: p.__repr__.__name__)
x = 5
print(sys.getrefcount(x) > 0, sys.getrefcount(l))
m = l.__eq__
print(sys.getrefcount(l), sys.getsizeof(m), sys.getsizeof(l.__sizeof__), sys.getsizeof(p.__eq__))
