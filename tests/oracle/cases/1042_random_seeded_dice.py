import random
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
