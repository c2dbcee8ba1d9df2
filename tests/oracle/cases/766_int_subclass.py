# int subclasses in the wild: a validated value whose __new__ raises on
# bad input, and a port number with a helper method.  Their arithmetic is
# int's and gives plain ints; their size is the int's digits plus the GC
# header (and, from 3.12 on, the pre-header where the __dict__ lives).
import gc
import sys


class Even(int):
    def __new__(cls, value):
        value = int(value)
        if value % 2:
            raise ValueError(str(value) + " is odd")
        return super().__new__(cls, value)


class Port(int):
    def is_privileged(self):
        return self < 1024

    def __str__(self):
        return ":" + str(int(self))


e = Even(10)
print(e, repr(e), e + 1, type(e + 1).__name__, e // 3, -e, e == 10, hash(e) == hash(10))
print(sys.getsizeof(e), sys.getsizeof(10), gc.is_tracked(e), sys.getrefcount(e))
for big in [0, 2 ** 30, 2 ** 60, -2 ** 40]:
    print(big, sys.getsizeof(Even(big)), sys.getsizeof(big))
try:
    Even(7)
except ValueError as err:
    print("ValueError:", err)
p = Port(8080)
print(p, repr(p), str(p), p.is_privileged(), Port(22).is_privileged(), "%d" % p, f"{p:,}")
p.service = "http"
print(p.service, p.__dict__, sys.getsizeof(p), int(p), type(int(p)).__name__, Port("443"), Port("ff", 16))
ports = {Port(80): "http", 443: "https"}
print(ports[80], ports[Port(443)], sorted([Port(9), 3, Even(4)]), sum([Port(1), Port(2)]))
print(isinstance(p, int), Port.__mro__[1].__name__, range(Port(3))[-1], [0, 1, 2, 3][Port(2)])
gc.collect()
before = gc.get_count()
evens = [Even(2 * n) for n in range(3)]
print(before, gc.get_count(), evens)
