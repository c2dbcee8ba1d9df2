import reprlib
r = reprlib.Repr(maxlist=2, maxstring=8)
print(r.repr([1, 2, 3]), r.repr("a long string"), vars(r))
