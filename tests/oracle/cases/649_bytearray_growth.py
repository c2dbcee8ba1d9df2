# A bytearray grows in place: like a list it keeps spare room, so its size
# jumps in steps while len() climbs by one.
import sys

buf = bytearray()
print(len(buf), sys.getsizeof(buf))
last = sys.getsizeof(buf)
for i in range(40):
    buf.append(i)
    size = sys.getsizeof(buf)
    if size != last:
        print("len", len(buf), "size", size, "grew by", size - last)
        last = size

# extend with bytes and with a list, and +=
data = bytearray(b"header")
print(sys.getsizeof(data))
data.extend(b":")
print(sys.getsizeof(data), data)
data.extend([49, 50, 51])
print(sys.getsizeof(data), data)
data += b" payload"
print(sys.getsizeof(data), data)
data *= 2
print(sys.getsizeof(data), len(data))

# shrinking: small pops keep the buffer, a big shrink gives memory back
for i in range(len(data) - 3):
    data.pop()
    if len(data) % 5 == 0:
        print(len(data), sys.getsizeof(data))
data.clear()
print(data, sys.getsizeof(data))
print(sys.getsizeof(bytearray(10)), sys.getsizeof(bytearray(range(10))), sys.getsizeof(bytearray([0] * 10)))
print(sys.getsizeof(bytearray(b"x" * 100)), sys.getsizeof(b"x" * 100))
