import sys
print(sys.getsizeof(0.0), sys.getsizeof(1.5), sys.getsizeof(-1e300))
print(sys.getsizeof(None))
print(sys.getsizeof(True), sys.getsizeof(False))
x = 3
y = x / 2
print(sys.getsizeof(y))
print(sys.getsizeof(object()))
