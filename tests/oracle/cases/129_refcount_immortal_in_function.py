import sys
def count_delta(obj, copies):
    before = sys.getrefcount(obj)
    keep = [obj] * copies
    return sys.getrefcount(obj) - before
print(count_delta(None, 10))
print(count_delta(True, 10))
print(count_delta(0, 10))
print(count_delta(256, 10))
x = 200
print(count_delta(x * 2, 10))
print(count_delta([], 10))
print(count_delta((), 10))
