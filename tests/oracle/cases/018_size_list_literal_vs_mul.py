import sys
print(sys.getsizeof([]), sys.getsizeof([1]), sys.getsizeof([1, 2]), sys.getsizeof([1, 2, 3]))
print(sys.getsizeof([1, 2, 3, 4, 5]), sys.getsizeof([1, 2, 3, 4, 5, 6, 7, 8, 9]))
for n in [0, 1, 2, 3, 4, 5, 8, 10, 17, 100]:
    print(n, sys.getsizeof([None] * n), sys.getsizeof([0] * n))
x = [0] * 4
x.append(1)
print(sys.getsizeof(x))
y = [1, 2, 3, 4]
y.append(5)
print(sys.getsizeof(y))
z = list(range(10))
print(sys.getsizeof(z))
w = list((1, 2, 3))
print(sys.getsizeof(w))
