import math

print(math.sqrt(16), math.isqrt(17), math.pow(2, 10))
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5))
print(math.gcd(48, 180), math.lcm(4, 6), math.factorial(10))
print(math.comb(10, 3), math.perm(5, 2))
print(math.isclose(0.1 + 0.2, 0.3), 0.1 + 0.2 == 0.3)
print(round(math.pi, 5), round(math.e, 5), math.inf > 10 ** 100)
print(math.hypot(3, 4), math.dist((0, 0), (6, 8)))
print(round(math.log(100, 10), 6), math.log2(1024), math.log10(0.001))
print(round(math.sin(math.pi / 2), 6), round(math.degrees(math.pi), 6))
print(math.fsum([0.1] * 10), sum([0.1] * 10))
print(math.isnan(float("nan")), math.copysign(3, -0.0), math.prod([1, 2, 3, 4]))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
