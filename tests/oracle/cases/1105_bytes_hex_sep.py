# bytes.hex(sep, bytes_per_sep): a hex dump with separators, counted
# from the right (positive) or the left (negative).
import sys

mac = bytes([0x00, 0x1A, 0x2B, 0x3C, 0x4D, 0x5E])
print(mac.hex())
print(mac.hex(":"))
print(mac.hex("-", 2))
print(mac.hex(sep=" ", bytes_per_sep=3))
print(mac.hex(".", -4), mac.hex(".", 4))
print(mac.hex(b"_"), mac.hex("_", 6), mac.hex("_", 7), mac.hex("_", -1))
word = (1234567).to_bytes(5, "big")
print(word.hex(" ", 2), word.hex(" ", -2), word.hex(bytes_per_sep=2))
buf = bytearray(b"hello world")
print(buf.hex("|"), buf.hex(sep="|", bytes_per_sep=-5))
print(b"".hex(":"), b"x".hex(":"))
dump = mac.hex(":")
print(len(dump), sys.getsizeof(dump))

def show(call):
    try:
        print(repr(call()))
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__ + ":", e)

show(lambda: mac.hex("::"))
show(lambda: mac.hex(""))
show(lambda: mac.hex("\u00e9"))
show(lambda: mac.hex(b"\xff"))
show(lambda: mac.hex(1))
show(lambda: mac.hex(None))
show(lambda: mac.hex(bytearray(b":")))
show(lambda: mac.hex(["x"]))
show(lambda: mac.hex(":", 1.5))
show(lambda: mac.hex(":", 2**40))
show(lambda: mac.hex(":", True))
show(lambda: mac.hex(":", 2, 3))
show(lambda: mac.hex(sep=":", bytes_per_sep=1, width=2))
show(lambda: mac.hex(sepp=":"))
