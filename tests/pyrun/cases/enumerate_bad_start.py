# enumerate with a bad start raises and leaks nothing.
import sys
x = object()
before = sys.getrefcount(x)
for i in range(3):
    try:
        enumerate([x], "bad")
    except TypeError as e:
        print(e)
print(sys.getrefcount(x) - before)
print(list(zip()), list(zip([1, 2], "ab", (3, 4), [5, 6], [7, 8], [9, 10], [11, 12], [13, 14], [15, 16])))
