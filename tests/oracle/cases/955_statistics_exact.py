# statistics works with exact fractions inside: the mean of floats is the
# correctly rounded true mean, not sum()/len(); ints give ints when exact.
import statistics
import sys

readings = [0.1] * 10
print(sum(readings) / len(readings), statistics.mean(readings), statistics.fmean(readings))
print(statistics.mean([1e16, 1.0, -1e16]), sum([1e16, 1.0, -1e16]) / 3)
print(statistics.variance([1e9 + 0.1, 1e9 + 0.2, 1e9 + 0.3]))
print(statistics.stdev([2, 4, 4, 4, 5, 5, 7, 9]), statistics.pstdev([2, 4, 4, 4, 5, 5, 7, 9]))
big = [10**20 + k for k in range(6)]
print(statistics.mean(big), statistics.variance(big), statistics.pvariance(big))
print(statistics.mean([True, True, False]), statistics.median([True, False, True]))
print(statistics.mean([1, 2.0, 3]), statistics.variance([1, 2, 3.0]))

m = statistics.mean([3, 5])
print(m, type(m).__name__, sys.getsizeof(m))
half = statistics.mean([1, 2])
print(half, type(half).__name__, sys.getsizeof(half))
s = statistics.stdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75])
print(s, sys.getsizeof(s))
values = [5, 3, 9]
mid = statistics.median(values)
print(mid is values[0], sys.getrefcount(values[2]) > 1)
words = ["spam", "eggs", "spam"]
print(statistics.mode(words) is words[0])

x = 0
for n in range(2, 40):
    data = [((k * 7919) % 101) / 7 - 3 for k in range(n)]
    x += hash((statistics.mean(data), statistics.stdev(data), statistics.median(data), statistics.pvariance(data)))
print(x)
