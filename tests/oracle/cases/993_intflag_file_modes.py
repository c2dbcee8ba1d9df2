# IntFlag for Unix-style mode bits: the members are ints, so they mix
# with plain numbers, print as numbers and keep bits no member names.
import sys
from enum import IntFlag


class Mode(IntFlag):
    R = 4
    W = 2
    X = 1


rw = Mode.R | Mode.W
print(rw, repr(rw), int(rw), rw == 6, rw + 1)
print(Mode(7), repr(Mode(7)), Mode(5) & Mode.R)
print(repr(Mode.R | 8), list(Mode.R | 8), repr(Mode(0)), str(Mode(0)))
print(repr(~Mode.R), repr(~Mode.X), ~Mode.R in Mode(7))
print(isinstance(Mode.R, int), 3 | Mode.R, repr(3 & Mode.W), 6 ^ Mode.W)
print(f"mode={rw}", "{:>4}".format(Mode.X), "%d" % Mode.W, format(rw, "b"))

for octal in (0o7, 0o5, 0o4):
    m = Mode(octal)
    print(oct(octal), repr(m), [f.name for f in m], m.bit_length())

print(sys.getsizeof(Mode.R), sys.getsizeof(rw), sys.getsizeof(Mode.R) - sys.getsizeof(4))
modes = {Mode.R: "read", Mode.W: "write", rw: "both"}
print(modes[4], modes[6], sorted(modes), max(Mode))
