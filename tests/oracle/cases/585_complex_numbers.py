# Complex numbers as an electronics or maths tutorial uses them: AC
# impedances, the roots of a quadratic, and what each value costs.
import sys
import gc

def impedance(r, l, c, omega):
    zl = 1j * omega * l
    zc = 1 / (1j * omega * c)
    return r + zl + zc

z = impedance(100, 0.5, 1e-4, 50)
print(z, abs(z), z.real, z.imag, z.conjugate())
print(round(abs(z), 3), type(z).__name__, type(z.real).__name__)

def roots(a, b, c):
    disc = b * b - 4 * a * c
    sq = disc ** 0.5 if disc >= 0 else complex(0, (-disc) ** 0.5)
    return (-b + sq) / (2 * a), (-b - sq) / (2 * a)

print(roots(1, -3, 2), roots(1, 2, 5), roots(2, 0, 8))

w = 3 + 4j
print(w * w, w / 2, w ** 2, w ** -1, w ** 0.5, -w, +w, w - 4j, 2 - w, w * 1.5)
print(w == 3 + 4j, w != 3, complex(5) == 5, 5.0 == complex(5, 0), 1j * 1j == -1)
print(complex(), complex(2), complex(2, -3), complex("1+2j"), complex(" (3-4.5j) "), complex("-2j"), complex(imag=2))
print(0j, -0j, 1e20j, complex(1.5, float("inf")), 2.5e-5j, complex(-1, 0.1))
print(bool(0j), bool(1e-300j), [1j, 2 + 0j, -1j], {"z": 1 + 1j})

print(sys.getsizeof(w), sys.getsizeof(0j), gc.is_tracked(w))
print(hash(1 + 0j) == hash(1), hash(2.5 + 0j) == hash(2.5), len({1, 1.0, 1 + 0j, 2j, 2j}))
d = {1j: "i", 1: "one"}
d[1 + 0j] = "one again"
print(d, d[complex(0, 1)])
print(sum([1 + 1j, 2, 0.5j]), sorted([3, 1, 2], key=lambda n: abs(n * 1j)))

gc.collect()
before = gc.get_count()[0]
points = [complex(i, -i) for i in range(10)]
grown = gc.get_count()[0] - before
print(points[3], grown, sys.getrefcount(points[3]))

checks = [("1j < 2j", lambda: 1j < 2j), ("int(1j)", lambda: int(1j)), ("float(2j)", lambda: float(2j)),
          ("1j % 2", lambda: 1j % 2), ("complex('one')", lambda: complex("one")),
          ("complex(1, '2')", lambda: complex(1, "2")), ("1 / 0j", lambda: 1 / 0j), ("0j ** -1", lambda: 0j ** -1)]
for text, check in checks:
    try:
        check()
    except (TypeError, ValueError, ZeroDivisionError) as e:
        print(text, "->", type(e).__name__ + ":", e)
