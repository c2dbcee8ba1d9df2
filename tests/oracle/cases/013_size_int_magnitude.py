import sys
print(sys.getsizeof(0), sys.getsizeof(1), sys.getsizeof(-1))
print(sys.getsizeof(255), sys.getsizeof(256), sys.getsizeof(257))
print(sys.getsizeof(2 ** 30 - 1), sys.getsizeof(2 ** 30))
print(sys.getsizeof(2 ** 60 - 1), sys.getsizeof(2 ** 60))
print(sys.getsizeof(2 ** 90 - 1), sys.getsizeof(2 ** 90))
print(sys.getsizeof(-(2 ** 30)), sys.getsizeof(-(2 ** 64)))
print(sys.getsizeof(10 ** 100))
n = 1
k = 0
while k < 8:
    print(k, sys.getsizeof(n))
    n = n * 1000000
    k = k + 1
print(sys.getsizeof(True), sys.getsizeof(False))
