# Why 0.1 + 0.2 != 0.3: the exact values behind floats, and ints as bytes,
# the way a numbers chapter shows them.
import sys

for x in (0.1, 0.2, 0.1 + 0.2, 0.3):
    num, den = x.as_integer_ratio()
    print(f"{x!r:>20} = {num}/{den}", x.hex())
print((0.1 + 0.2).hex() == (0.3).hex(), float.fromhex("0x1.3333333333333p-2"))
print(float.fromhex((2.5).hex()) == 2.5, (1e300 * 10).hex(), (-0.0).hex())
print([x.is_integer() for x in (1.0, 1.5, -3.0, float("nan"))])

big = 2 ** 100 + 1
print(big.as_integer_ratio()[0] is big, big.numerator is big, big.denominator, big.imag)
n = int("12345")
print(n.real is n, +n is n, n.conjugate() is n, sys.getrefcount(n))
f = float("6.25")
print(f.real is f, f.imag, +f is f, f.conjugate() is f, sys.getrefcount(f))
flag = 5 > 3
print(flag.real, type(flag.numerator).__name__, flag.bit_length(), flag.to_bytes(2, "little"))

packet = (0xCAFE).to_bytes(2, "big") + (7).to_bytes(4, "little") + (-2).to_bytes(1, "big", signed=True)
print(packet, len(packet), sys.getsizeof(packet))
print(int.from_bytes(packet[:2], "big"), int.from_bytes(packet[2:6], "little"), int.from_bytes(packet[6:], "big", signed=True))
one = (65).to_bytes(1, "big")
print(one, one == b"A", sys.getrefcount(one))
try:
    (300).to_bytes(1, "big")
except OverflowError as e:
    print("OverflowError:", e)
try:
    (-1).to_bytes(2, "big")
except OverflowError as e:
    print("OverflowError:", e)
try:
    (1).to_bytes(2, "network")
except ValueError as e:
    print("ValueError:", e)
print(int.from_bytes(bytes(range(1, 12)), "big"), (2 ** 80).to_bytes(11, "little"))
