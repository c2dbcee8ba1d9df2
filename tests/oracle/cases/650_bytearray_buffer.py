# A receive buffer as network code keeps one: bytes come in, complete
# lines are cut off the front, and the rest waits for more.
import sys

buf = bytearray()
incoming = [b"GET /index", b".html HTTP/1.1\r\nHost: exa", b"mple.org\r\n\r\n"]
lines = []
for chunk in incoming:
    buf += chunk
    while True:
        end = buf.find(b"\r\n")
        if end < 0:
            break
        lines.append(bytes(buf[:end]).decode())
        del buf[:end + 2]
        print("cut", end + 2, "left", len(buf), "size", sys.getsizeof(buf))
print(lines)
print(buf, len(buf))

# editing in place
msg = bytearray(b"hello world")
msg[0] = ord("H")
msg[6:11] = b"there, friend"
print(msg, len(msg), sys.getsizeof(msg))
msg[-6:] = b"!"
print(msg, sys.getsizeof(msg))
del msg[5]
print(msg)
msg.insert(5, 44)
msg.remove(ord("!"))
print(msg, msg.count(b"e"), msg.index(b"there"), msg.rfind(b"e"))
print(ord("H") in msg, b"the" in msg, b"xyz" in msg)
print(msg[::2], msg[::-1], msg[1:4])
print(list(msg[:5]), [hex(b) for b in msg[:3]])
print(msg.hex(), msg.upper(), msg.decode().title())
rev = msg.copy()
rev.reverse()
print(rev, msg == b"Hello, there", msg < b"Hz", bytearray(b"abc") == bytearray(b"abc"))
try:
    msg[0] = 256
except ValueError as e:
    print("ValueError:", e)
try:
    msg.append("x")
except TypeError as e:
    print("TypeError:", e)
try:
    hash(msg)
except TypeError as e:
    print("TypeError:", e)
try:
    bytearray().pop()
except IndexError as e:
    print("IndexError:", e)
