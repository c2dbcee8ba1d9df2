import io, sys, gc

buf = io.BytesIO()
print(type(buf), buf.closed, buf.tell())
for chunk in (b"header:", b"\x00\x01\x02", b"payload" * 3):
    n = buf.write(chunk)
    print("wrote", n, "now at", buf.tell(), sys.getsizeof(buf))
data = buf.getvalue()
print(data, len(data), sys.getsizeof(buf), sys.getrefcount(data))
buf.seek(0)
print(buf.read(7), buf.read(3), buf.tell())
print(buf.read())
print(buf.seek(-4, 2), buf.read())
buf.seek(2)
buf.write(b"XY")
print(buf.getvalue(), sys.getsizeof(buf))

src = b"line one\nline two\nlast"
r = io.BytesIO(src)
print(sys.getsizeof(r), sys.getrefcount(src))
print(r.readline(), r.readline(), r.readline(), r.readline())
r.seek(0)
whole = r.read()
print(whole is src, sys.getrefcount(src))
del whole
r.write(b"!")
print(r.getvalue(), sys.getrefcount(src), sys.getsizeof(r))

with io.BytesIO(bytearray(b"ba")) as f:
    f.seek(0, 2)
    f.write(b"cd")
    print(f.getvalue(), f.readable(), f.writable(), f.seekable())
print(f.closed)
try:
    f.getvalue()
except ValueError as e:
    print("ValueError:", e)
try:
    io.BytesIO().write("text")
except TypeError as e:
    print("TypeError:", e)
try:
    io.BytesIO().seek(-1)
except ValueError as e:
    print("ValueError:", e)
b2 = io.BytesIO()
b2.seek(3)
b2.write(b"z")
print(b2.getvalue(), gc.is_tracked(b2), isinstance(b2, io.BytesIO))
print(io.BytesIO(b"x").getvalue(), io.BytesIO().getvalue(), io.BytesIO(b"ab").read(1))
