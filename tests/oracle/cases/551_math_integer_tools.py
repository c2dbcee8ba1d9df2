# Counting problems and number theory with the math module.
import math
import sys

print(math.factorial(0), math.factorial(5), math.factorial(20))
big = math.factorial(30)
print(big, sys.getsizeof(big), sys.getsizeof(math.factorial(20)))
print(len(str(math.factorial(100))))
print(math.gcd(48, 180), math.gcd(17, 5), math.gcd(0, 9), math.gcd(-12, 18), math.gcd())
print(math.gcd(2 ** 64, 2 ** 40 * 3), math.gcd(12, 18, 30))
print(math.lcm(4, 6), math.lcm(3, 5, 7), math.lcm(0, 5), math.lcm())
print(math.comb(5, 2), math.comb(52, 5), math.comb(10, 0), math.comb(3, 5))
print(math.perm(5, 2), math.perm(5), math.perm(10, 3), math.perm(2, 3))
print(math.comb(100, 50))
print(math.isqrt(0), math.isqrt(15), math.isqrt(16), math.isqrt(10 ** 40 + 1))
print(math.prod([1, 2, 3, 4]), math.prod(range(1, 11)), math.prod([]), math.prod([2, 0.5]))
print(math.prod([3, 4], start=10), math.prod(x * 2 for x in range(1, 4)))


def is_prime(n):
    if n < 2:
        return False
    for d in range(2, math.isqrt(n) + 1):
        if n % d == 0:
            return False
    return True


print([n for n in range(30) if is_prime(n)])
pascal = [[math.comb(n, k) for k in range(n + 1)] for n in range(6)]
for row in pascal:
    print(row)
print(math.fsum([0.1] * 10), math.fsum([1e100, 1.0, -1e100]), math.fsum([]))
print(math.fsum([0.1, 0.2, 0.3]), math.fsum(x / 10 for x in range(1, 11)))
