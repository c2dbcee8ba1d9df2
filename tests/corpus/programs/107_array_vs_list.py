import array
import sys

numbers = list(range(1000))
packed = array.array("i", numbers)
print(packed.itemsize, packed.typecode, len(packed))
print("list:", sys.getsizeof(numbers))
print("array ok:", sys.getsizeof(packed) < sys.getsizeof(numbers))
print(packed[:5], packed[-1])
packed.append(1000)
print(sum(packed), max(packed))
doubles = array.array("d", [0.5, 1.5])
doubles.extend([2.5])
print(doubles, doubles.tolist())
try:
    packed.append(1.5)
except TypeError as e:
    print("TypeError:", e)
small = array.array("b", [1, 2, 3])
try:
    small.append(300)
except OverflowError as e:
    print("OverflowError:", e)
print(bytes(array.array("B", [65, 66])), array.array("h", b"\x01\x00\x02\x00").tolist())
