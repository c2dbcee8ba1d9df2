import sys
print(sys.getsizeof(()))
print(sys.getsizeof((1,)), sys.getsizeof((1, 2)), sys.getsizeof((1, 2, 3)))
t = tuple([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
print(sys.getsizeof(t))
print(sys.getsizeof(tuple(range(100))))
print(sys.getsizeof(tuple()))
