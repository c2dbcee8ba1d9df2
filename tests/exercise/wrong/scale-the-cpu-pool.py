# Wrong: the lock taken away instead of the shared count. The threads now
# store the global at once with no lock; under 3.13t CPython can lose
# updates, which the model refuses to run.
import threading

lock = threading.Lock()
checked = 0  # how many numbers the workers have looked at, all together


def is_prime(n):
    if n < 2:
        return False
    d = 2
    while d * d <= n:
        if n % d == 0:
            return False
        d += 1
    return True


def count_primes(lo, hi, found):
    global checked
    primes = 0
    for n in range(lo, hi):
        if is_prime(n):
            primes += 1
        checked += 1  # no lock: racy
    found.append(primes)


def run(workers):
    found = []
    step = 4000 // workers
    threads = [threading.Thread(target=count_primes, args=(i * step, (i + 1) * step, found))
               for i in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sum(found)


primes = run(1)  # one thread: the time to beat (the check reads the model's clock)
again = run(4)
print("primes below 4000:", primes, again)
print("numbers checked:", checked)
