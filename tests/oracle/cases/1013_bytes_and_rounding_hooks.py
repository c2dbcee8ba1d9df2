# bytes() and bytearray() ask an object for __bytes__ first (bytes only),
# then treat it as a count through __index__; math.floor and math.ceil ask
# for __floor__/__ceil__ and fall back to __float__, math.trunc wants
# __trunc__.
import math
import sys


class Packet:
    def __init__(self, kind, payload):
        self.kind = kind
        self.payload = payload

    def __bytes__(self):
        return bytes([self.kind, len(self.payload)]) + self.payload.encode()

    def __repr__(self):
        return f"Packet({self.kind}, {self.payload!r})"


class Buffer:
    """A number of zero bytes to reserve."""

    def __init__(self, size):
        self.size = size

    def __index__(self):
        return self.size


p = Packet(7, "hello")
raw = bytes(p)
print(p, "->", raw, len(raw), sys.getsizeof(raw))
print(bytes(Buffer(4)), bytearray(Buffer(3)), len(bytes(Buffer(0))))
print("sizes:", sys.getsizeof(bytes(Buffer(10))), sys.getsizeof(bytearray(Buffer(10))))
try:
    bytearray(p)
except TypeError as e:
    print("TypeError:", e)
try:
    bytes(Buffer(-2))
except ValueError as e:
    print("ValueError:", e)


class Liar:
    def __bytes__(self):
        return "text"


try:
    bytes(Liar())
except TypeError as e:
    print("TypeError:", e)


class Temperature:
    def __init__(self, degrees):
        self.degrees = degrees

    def __floor__(self):
        return math.floor(self.degrees)

    def __ceil__(self):
        return math.ceil(self.degrees)

    def __trunc__(self):
        return math.trunc(self.degrees)

    def __round__(self, ndigits=None):
        return round(self.degrees, ndigits)


t = Temperature(-3.5)
print(math.floor(t), math.ceil(t), math.trunc(t), round(t), round(t, 1))


class Ratio:
    def __init__(self, a, b):
        self.a, self.b = a, b

    def __float__(self):
        return self.a / self.b


r = Ratio(7, 2)
print(math.floor(r), math.ceil(r), math.sqrt(r), float(r))
try:
    math.trunc(r)
except TypeError as e:
    print("TypeError:", e)


class Nothing:
    pass


for f in (math.floor, math.ceil, math.trunc, math.sqrt):
    try:
        f(Nothing())
    except TypeError as e:
        print(f.__name__, "TypeError:", e)
