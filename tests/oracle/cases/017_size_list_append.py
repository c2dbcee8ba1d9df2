import sys
a = []
print(0, sys.getsizeof(a))
i = 0
while i < 40:
    a.append(i)
    print(len(a), sys.getsizeof(a))
    i = i + 1
