import sys
print(sys.getsizeof({1}), sys.getsizeof({1, 2}), sys.getsizeof({1, 2, 3, 4}))
print(sys.getsizeof({1, 2, 3, 4, 5}), sys.getsizeof({1, 2, 3, 4, 5, 6, 7, 8}))
print(sys.getsizeof({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19}))
s = {1, 2, 3}
print(len(s), 2 in s, 9 in s)
print({1, 2, 3})
print({5})
a = 4
b = {a, a, a, 4}
print(len(b), sys.getsizeof(b))
