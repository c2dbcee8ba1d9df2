# int / int is rounded once, from the exact quotient: big numerators and denominators included.
import math

print(10**20 / 3, (2**60 + 1) / 3, 2**53 + 1, (2**53 + 1) / 1)
print(math.factorial(30) / math.factorial(28), math.factorial(25) / 10**25)
print(1 / 2**100, 1 / 3**700, 7 / 10**320, -1 / 10**330, 1 / 10**400)
print(10**400 / 10**399, -(10**310) / 10**300, 2**1100 / 2**1000)

total, n = 0, 0
for big in [10**18 + 7, 10**19 + 3, 2**64 - 59, 3**41]:
    total += big
    n += 1
print("mean:", total / n, "mean of squares:", sum(x * x for x in [10**18 + 7, 2**64 - 59]) / 2)

def share(part, whole):
    try:
        return part / whole
    except OverflowError as err:
        return f"OverflowError: {err}"
    except ZeroDivisionError as err:
        return f"ZeroDivisionError: {err}"

print(share(10**400, 3), share(-(10**400), 7), share(5, 0), share(0, -5), share(0, 10**50))
print(share(2**1024 - 2**970, 1), share(2**1024 - 2**971, 1), share(2**1024, 2))
print([share(k, 7) for k in (2**53, 2**53 + 1, 2**54 + 3, 2**63 - 1, -(2**63))])
