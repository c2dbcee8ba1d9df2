# A negative float to a fractional power is a complex number in Python 3
# (the cube root of -8 is not -2 here).
print((-8.0) ** (1 / 3), (-8) ** 0.5, pow(-2.5, 0.5))
roots = [(-x) ** 0.5 for x in (1, 4, 9)]
print(roots, [abs(r) for r in roots])
print(type((-1.0) ** 0.5).__name__, (-8.0) ** 3, (-8.0) ** -1)
