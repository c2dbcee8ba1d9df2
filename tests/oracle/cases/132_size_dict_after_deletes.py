import sys
d = {}
i = 0
while i < 20:
    d[i] = i
    i = i + 1
print(len(d), sys.getsizeof(d))
i = 0
while i < 19:
    del d[i]
    i = i + 1
print(len(d), sys.getsizeof(d))
d[100] = 1
print(len(d), sys.getsizeof(d))
d.clear()
print(len(d), sys.getsizeof(d))
e = {1: 1, 2: 2}
e[3] = 3
print(sys.getsizeof(e), list(e.keys()), list(e.values()), list(e.items()))
