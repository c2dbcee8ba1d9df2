import sys
print(sys.getsizeof(1) > 0)
print(sys.version)
