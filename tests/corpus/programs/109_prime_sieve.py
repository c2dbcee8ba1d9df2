def sieve(limit):
    is_prime = [True] * (limit + 1)
    is_prime[0] = is_prime[1] = False
    for i in range(2, int(limit ** 0.5) + 1):
        if is_prime[i]:
            is_prime[i * i::i] = [False] * len(range(i * i, limit + 1, i))
    return [i for i, p in enumerate(is_prime) if p]


primes = sieve(100)
print(primes)
print(len(sieve(10000)))


def factorize(n):
    factors = []
    d = 2
    while d * d <= n:
        while n % d == 0:
            factors.append(d)
            n //= d
        d += 1
    if n > 1:
        factors.append(n)
    return factors


for n in (84, 97, 360, 2 ** 10 - 1):
    print(n, "=", " * ".join(map(str, factorize(n))))
twin = [(p, p + 2) for p in primes if p + 2 in primes]
print(twin)
