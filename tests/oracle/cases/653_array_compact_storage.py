# Chapter 1's story: a list of ints stores pointers to int objects, an
# array stores the raw machine values side by side.
import sys
from array import array

numbers = list(range(1000))
packed = array("i", numbers)
print(len(numbers), len(packed))
print("list:", sys.getsizeof(numbers), "bytes for the pointers alone")
ints = sum(sys.getsizeof(n) for n in numbers)
print("plus the int objects:", ints)
print("array:", sys.getsizeof(packed), "bytes in all,", packed.itemsize, "per item")

for code in "bBhHiIlLqQfd":
    a = array(code, [1, 2, 3])
    print(code, a.itemsize, sys.getsizeof(a), sys.getsizeof(array(code)))

# an array grows like a list: spare room, then a jump
grow = array("d")
last = sys.getsizeof(grow)
print(len(grow), last)
for i in range(60):
    grow.append(i * 0.5)
    size = sys.getsizeof(grow)
    if size != last:
        print(len(grow), size)
        last = size
print(grow[:4], grow[-1], sum(grow))
doubles = array("d", grow)
print(sys.getsizeof(doubles), doubles == grow, doubles is grow)
print(array("b", b"hi"), sys.getsizeof(array("b", b"hi")), array("i", range(5)).tolist())
