# Reading numbers typed in by a user, in several bases.
import sys

entries = ["42", "  -17 ", "+8", "1_000_000", "0", "007"]
parsed = [int(e) for e in entries]
print(parsed, sum(parsed))
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("777", 8), int("0o777", 0), int("101", 2))
print(int("0b1010", 0), int("0x_1f", 0), int("z", 36), int("Zz", 36), int("10", base=3))
big = int("123456789012345678901234567890")
print(big, sys.getsizeof(big), type(big).__name__, int("-" + "9" * 25))
print(int(b"256"), int(bytearray(b"12"), 16), int(3.99), int(-3.99), int(True))
n = 10**30
same = int(n)
print(same is n, sys.getrefcount(n))
small = int("5")
print(small is 5 - 0, sys.getsizeof(small))
for bad in ["", " ", "1.5", "12a", "1__0", "_1", "1_", "0x", "08"]:
    try:
        int(bad, 0)
    except ValueError as e:
        print("ValueError:", e)
for text, base in [("12", 2), ("9", 8), ("g", 16)]:
    try:
        int(text, base)
    except ValueError as e:
        print("ValueError:", e)
try:
    int("5", 1)
except ValueError as e:
    print("ValueError:", e)
try:
    int(5, 10)
except TypeError as e:
    print("TypeError:", e)
try:
    int(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
int("3", base=2)
