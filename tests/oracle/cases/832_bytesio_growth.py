import io
import sys

stream = io.BytesIO()
last = sys.getsizeof(stream)
print("empty:", last)
for i in range(1, 40):
    stream.write(bytes([i % 256]) * 3)
    size = sys.getsizeof(stream)
    if size != last:
        print(f"after {stream.tell():3} bytes: {size}")
        last = size
snapshot = stream.getvalue()
print(len(snapshot), sys.getsizeof(stream), sys.getsizeof(snapshot))
stream.write(b"more")
print(sys.getsizeof(stream), len(stream.getvalue()), snapshot[:6])
stream.seek(0)
header = stream.read(6)
print(header, stream.tell(), sys.getrefcount(header))
