import random, statistics
random.seed(42)
print(random.random(), random.randint(1, 6), random.randrange(0, 100, 5))
print(random.choice(['a', 'b', 'c']), random.sample(range(100), 5))
lst = list(range(10))
random.shuffle(lst)
print(lst)
print(random.choices('xyz', k=6), random.choices([1, 2, 3], weights=[10, 1, 1], k=5))
print(round(random.uniform(1, 10), 6))
rolls = [random.randint(1, 6) for _ in range(1000)]
from collections import Counter
print(sorted(Counter(rolls).items()))
random.seed(2024)
print(random.random())
random.seed(12345)
xs = [random.gauss(0, 1) for _ in range(7)]
print(xs)
print(random.gauss(), random.gauss(mu=10, sigma=2), random.gauss(5))
random.seed(1)
print(random.gauss(100, 15), random.random())
random.seed(1)
print(random.random())
heights = [round(random.gauss(170, 10), 1) for _ in range(1000)]
print(min(heights), max(heights), round(statistics.mean(heights), 3))
random.seed(99)
print([random.normalvariate(0, 1) for _ in range(3)], random.normalvariate())
print([random.expovariate(0.5) for _ in range(3)], random.expovariate(2))
waits = [random.expovariate(1 / 5) for _ in range(500)]
print(round(sum(waits) / len(waits), 6))
r = random.gauss(0, 1)
random.seed(7)
a = random.gauss(0, 1)
random.seed(7)
print(a == random.gauss(0, 1))
random.seed(3)
try:
    print(random.expovariate())
except TypeError as e:
    print(e)
try:
    random.expovariate(0)
except ZeroDivisionError as e:
    print(e)
print(random.gauss(1, 0), random.gauss(True, 2))
