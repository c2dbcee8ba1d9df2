import reprlib, sys

r = reprlib.Repr()
print(type(r), r.maxlist, r.maxstring, r.maxlevel, sys.getsizeof(r))
data = list(range(20))
print(r.repr(data))
r.maxlist = 3
print(r.repr(data), r.repr(tuple(data)))
r.maxstring = 12
print(r.repr("abcdefghijklmnopqrstuvwxyz"))
r.maxother = 10
print(r.repr(3.14159265358979))
r.maxlevel = 2
nested = [[1, [2, [3, [4]]]], {"k": {"deep": [5]}}]
print(r.repr(nested))
r.maxdict = 1
print(r.repr({"b": 2, "a": 1, "c": 3}))
r.maxlong = 8
print(r.repr(2 ** 100), r.repr1(list("abcdef"), 1))
short = reprlib.Repr()
short.maxset = 2
short.maxfrozenset = 2
print(short.repr({5, 3, 1, 4}), short.repr(frozenset("xyz")), short.repr(set()))
print(sorted(k for k in vars(short) if k.startswith("max")) == sorted(k for k in vars(r) if k.startswith("max")))
print(reprlib.repr(list(range(100))))

class Short(reprlib.Repr):
    pass
s = Short()
s.maxlist = 1
print(s.repr([1, 2, 3]), sys.getrefcount(s), type(s).__mro__)
