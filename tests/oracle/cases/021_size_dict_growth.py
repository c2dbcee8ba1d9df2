import sys
d = {}
print(0, sys.getsizeof(d))
i = 0
while i < 50:
    d[i] = i
    print(len(d), sys.getsizeof(d))
    i = i + 1
d.clear()
print("clear", sys.getsizeof(d))
d[1] = 1
print("one", sys.getsizeof(d))
