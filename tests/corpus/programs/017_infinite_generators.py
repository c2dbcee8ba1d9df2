import itertools


def naturals(start=1):
    n = start
    while True:
        yield n
        n += 1


def take(n, iterable):
    return list(itertools.islice(iterable, n))


evens = (x for x in naturals() if x % 2 == 0)
print(take(5, evens))
print(take(3, evens))

def primes():
    found = []
    for n in naturals(2):
        if all(n % p for p in found):
            found.append(n)
            yield n

print(take(10, primes()))
print(list(itertools.takewhile(lambda p: p < 30, primes())))
