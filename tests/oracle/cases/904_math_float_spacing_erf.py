# Two tutorial topics on floats: how far apart neighbouring floats are
# (math.ulp, math.nextafter) and the normal distribution through math.erf.
import math

for x in (1.0, 1000.0, 1e16, 0.1, 1e-300):
    print(f"{x!r:>8}: ulp {math.ulp(x)!r}, next up {math.nextafter(x, math.inf)!r}")
print(1e16 + 1 == 1e16, math.ulp(1e16), math.nextafter(1e16, math.inf) - 1e16)
print(math.ulp(0.0), math.nextafter(0.0, 1.0), math.nextafter(0.0, -1.0))
print(math.ulp(-3.5), math.ulp(math.inf), math.ulp(math.nan))
print(math.nextafter(1.0, 1.0), math.nextafter(math.inf, 0.0))

# stepping through the floats between 1 and 1 + 5 ulp
x = 1.0
steps = []
for _ in range(5):
    x = math.nextafter(x, 2.0)
    steps.append(x)
print(steps)
print(0.1 + 0.2 - 0.3, math.ulp(0.3), abs(0.1 + 0.2 - 0.3) <= math.ulp(0.3))

def normal_cdf(x, mu=0.0, sigma=1.0):
    return 0.5 * (1.0 + math.erf((x - mu) / (sigma * math.sqrt(2.0))))

for z in (-3, -2, -1.96, -1, 0, 1, 1.645, 1.96, 2, 3):
    print(f"P(Z <= {z:>6}) = {normal_cdf(z):.6f}")
print("within 1, 2, 3 sigma:", [round(normal_cdf(k) - normal_cdf(-k), 4) for k in (1, 2, 3)])
print(math.erf(0.5), math.erfc(0.5), math.erf(0.5) + math.erfc(0.5))
print(math.erfc(10), math.erfc(30), math.erf(-math.inf), math.erfc(-math.inf))
print(normal_cdf(110, mu=100, sigma=15), 1 - normal_cdf(130, 100, 15))
