# Every one-byte bytes object is shared: CPython keeps one per byte value,
# made before your program starts, the way small ints are. Building 256 of
# them allocates nothing new; longer ones are fresh objects each time.
import sys

header = b"GIF89a"
print(sys.getrefcount(header))
first = header[:1]
print(first, first is b"G", sys.getsizeof(first))
print(bytes([71]) is first, b"xGx".strip(b"x") is first, b"G,H".split(b",")[0] is first)
print("G".encode() is first, bytes(first) is first, b"g".upper() is first)

table = [bytes([i]) for i in range(256)]
print(len(table), all(table[i] is bytes([i]) for i in range(256)))

pairs = [bytes([i, i]) for i in range(3)]
print(pairs[0] is bytes([0, 0]), sys.getrefcount(pairs[0]))

blob = bytes(range(10))
print(blob[2:3] is blob[2:3], blob[::5], blob[1:2] is bytes([1]))
