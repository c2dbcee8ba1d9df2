# Mistakes people make with numbers, and the messages CPython gives:
# repeating a sequence by a non-int, complex numbers where reals are needed.
import math
import collections

mistakes = [
    ("[0] * 2.5", lambda: [0] * 2.5),
    ("'ab' * 1j", lambda: "ab" * 1j),
    ("2.0 * (1, 2)", lambda: 2.0 * (1, 2)),
    ("[1] * [2]", lambda: [1] * [2]),
    ("None * 'x'", lambda: None * "x"),
    ("deque * 1.5", lambda: collections.deque([1]) * 1.5),
    ("bytearray * 2.0", lambda: bytearray(b"a") * 2.0),
    ("math.sqrt(-1j)", lambda: math.sqrt(-1j)),
    ("math.floor(2j)", lambda: math.floor(2j)),
    ("'%f' % 1j", lambda: "%f" % 1j),
    ("'%x' % 1j", lambda: "%x" % 1j),
    ("range(2j)", lambda: range(2j)),
    ("sorted([2j, 1j])", lambda: sorted([2j, 1j])),
    ("min(1j, 2j)", lambda: min(1j, 2j)),
    ("hex(1j)", lambda: hex(1j)),
    ("~1j", lambda: ~1j),
    ("1j << 1", lambda: 1j << 1),
    ("round(2.5j)", lambda: round(2.5j)),
    ("divmod(4j, 2)", lambda: divmod(4j, 2)),
    ("pow(2j, 2, 5)", lambda: pow(2j, 2, 5)),
    ("complex('1 + 2j')", lambda: complex("1 + 2j")),
    ("complex(1, real=2)", lambda: complex(1, real=2)),
    ("complex([1])", lambda: complex([1])),
    ("complex(1, [2])", lambda: complex(1, [2])),
    ("int('3j')", lambda: int("3j")),
]
for text, attempt in mistakes:
    try:
        print(text, "->", repr(attempt()))
    except (TypeError, ValueError) as e:
        print(text, "->", type(e).__name__ + ":", e)
print(complex(1j, 1j), complex(-0.0, -0.0), complex(2.5), complex(True, False), complex("  -1.5e3J "))
print(pow(2j, 2), 1j ** 2, (1 + 1j) ** 8, (2 + 0j) ** 0.5, 4 ** 0.5j)
