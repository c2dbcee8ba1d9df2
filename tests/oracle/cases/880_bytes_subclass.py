# A bytes subclass that carries a label, and the first subclass of each
# built-in type: the gc counts around the class statements.
import gc
import sys

gc.disable()
gc.collect()
counts = []
last = gc.get_count()[0]


def step(label):
    global last
    now = gc.get_count()[0]
    counts.append((label, now - last))
    last = gc.get_count()[0]


class Packet(bytes):
    def __new__(cls, payload, kind="data"):
        self = super().__new__(cls, payload)
        self.kind = kind
        return self

    def checksum(self):
        return sum(self) % 256


step("Packet")


class Raw(bytes):
    pass


step("Raw")


class Name(str):
    pass


step("Name")


class Price(float):
    pass


step("Price")


class Bag(set):
    pass


step("Bag")


class Frozen(frozenset):
    pass


step("Frozen")
print(counts)
gc.enable()

p = Packet(b"\x01\x02\x03hello", kind="greeting")
print(p, p.kind, p.checksum(), len(p))
print(p[3:], p[0], p.hex(), p.upper())
print(type(p[3:]).__name__, type(p + b"!").__name__)
print("size:", sys.getsizeof(p), "plain:", sys.getsizeof(bytes(p)))
print("tracked:", gc.is_tracked(p), gc.is_tracked(bytes(p)))
print("refcount:", sys.getrefcount(p))
r = Raw(b"abc")
print(repr(r), r == b"abc", sys.getsizeof(r), sys.getsizeof(Raw()), sys.getsizeof(Raw(5)))
print(Raw([104, 105]), Raw("caf\u00e9", "utf-8"))
print(isinstance(r, bytes), type(r).__mro__)
print({r: 1}[b"abc"], r in {b"abc"})
r.note = "x"
print(r.__dict__, sys.getsizeof(r))
print(sys.getrefcount(Packet), sys.getrefcount(Raw))
del p, r
print(sys.getrefcount(Packet), sys.getrefcount(Raw))
