# list.sort and sorted(): the comparisons CPython makes for short lists (count_run, binary insertion), reverse=True, NaN, tuple keys
import random
random.seed(7)
calls = []
class K:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        calls.append((self.v, o.v))
        return self.v < o.v
    def __repr__(self):
        return str(self.v)
for trial in range(60):
    n = random.randint(0, 20)
    data = [K(random.randint(0, 6)) for _ in range(n)]
    calls.clear()
    rev = trial % 3 == 0
    out = sorted(data, reverse=rev)
    print(n, rev, out, len(calls), calls[:12])
calls.clear()
print(sorted([K(3), K(1), K(2)]), calls)
print(sorted([3, 1, 2], key=lambda x: K(x)), calls[-5:])
nan = float("nan")
print(sorted([3.0, nan, 1.0, 2.0, nan, 0.5]))
print(sorted([(1, K(2)), (1, K(1)), (0, K(5))]), calls[-3:])
