# A seeded dice simulation: roll two dice many times, count the totals and
# draw a histogram. The same seed gives the same rolls on every run.
import gc
gc.collect()
import random
import sys

print("after import:", gc.get_count())
random.seed(2024)
gc.collect()


def roll():
    return random.randint(1, 6) + random.randint(1, 6)


totals = {}
for _ in range(6000):
    t = roll()
    totals[t] = totals.get(t, 0) + 1
print("young objects after 12000 rolls:", gc.get_count())
for total in range(2, 13):
    count = totals[total]
    print("%2d %4d %s" % (total, count, "#" * (count // 40)))
print("most common:", max(totals, key=totals.get))
print(len(totals), sys.getsizeof(totals))
first = [random.randint(1, 6) for _ in range(10)]
random.seed(2024)
again = [random.randint(1, 6) for _ in range(10)]
print(first)
print(again[:4], again == first)
