# Geometry helpers the way a first course writes them.
import math


def circle_area(r):
    return math.pi * r ** 2


def circumference(r):
    return 2 * math.pi * r


for r in (1, 2.5, 10):
    print(f"r={r}: area={circle_area(r):.3f} circumference={circumference(r):.3f}")

print(math.pi, math.e, math.tau)
print(math.sqrt(2), math.sqrt(16), math.sqrt(0.25))
print(math.hypot(3, 4), math.hypot(5, 12), math.hypot(1, 1))
print(math.dist((0, 0), (3, 4)), math.dist([1, 2], [4, 6]))
print(math.floor(3.7), math.ceil(3.2), math.floor(-3.7), math.ceil(-3.2))
print(math.trunc(-7.9), math.trunc(7.9), math.floor(5), math.ceil(True))
print(math.degrees(math.pi), math.radians(90))
print(math.sin(math.pi / 6), math.cos(0), math.tan(math.pi / 4))
print(math.atan2(1, 1), math.atan(1) * 4, math.asin(1), math.acos(0.5))
print(math.exp(1), math.exp(0), math.log(math.e), math.log(1))
print(math.log(8, 2), math.log(1000, 10), math.log2(1024), math.log10(1e-5))
print(math.pow(2, 10), math.pow(9, 0.5), 2 ** 0.5 == math.sqrt(2))
print(math.fabs(-4), math.copysign(1, -0.0), math.fmod(7, 3), math.fmod(-7, 3))
print(math.isclose(0.1 + 0.2, 0.3), 0.1 + 0.2 == 0.3)
print(math.isclose(100, 101, rel_tol=0.01), math.isclose(1e-12, 0), math.isclose(1e-12, 0, abs_tol=1e-9))
angle = math.radians(30)
x, y = math.cos(angle) * 10, math.sin(angle) * 10
print(round(x, 4), round(y, 4), round(math.hypot(x, y), 10))
print(type(math.floor(2.5)).__name__, type(math.sqrt(4)).__name__)
print(math.modf(3.25), math.frexp(12.0), math.ldexp(0.75, 4))
print(math.isfinite(1e308), math.isinf(1e308 * 10), math.isnan(math.inf - math.inf))
