import sys
print(sys.getsizeof({}))
print(sys.getsizeof({"a": 1}), sys.getsizeof({1: 1}))
print(sys.getsizeof({"a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6}))
print(sys.getsizeof({1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 6}))
d = {"a": 1}
d[2] = 2
print(sys.getsizeof(d))
e = dict()
print(sys.getsizeof(e))
e["k"] = 1
print(sys.getsizeof(e))
f = {}
i = 0
while i < 8:
    f[i] = i
    i = i + 1
del f[0]
del f[1]
print(len(f), sys.getsizeof(f))
