import sys
a = []
a.extend([1, 2, 3])
print(len(a), sys.getsizeof(a))
a.extend([4, 5, 6, 7, 8, 9, 10])
print(len(a), sys.getsizeof(a))
a.extend(range(20))
print(len(a), sys.getsizeof(a))
while len(a) > 0:
    a.pop()
    if len(a) % 5 == 0:
        print(len(a), sys.getsizeof(a))
b = [1] * 50
b.clear()
print(sys.getsizeof(b))
b.append(1)
print(sys.getsizeof(b))
