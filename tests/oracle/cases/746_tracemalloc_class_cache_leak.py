# A class-level cache that only grows, found with compare_to
import tracemalloc


class Resolver:
    _seen = {}

    def resolve(self, host):
        if host not in self._seen:
            self._seen[host] = "10.0.%d.%d" % (len(host) % 256, len(self._seen) % 256)
        return self._seen[host]


r = Resolver()
tracemalloc.start()
base = tracemalloc.take_snapshot()
for i in range(1500):
    r.resolve("host-%d.example.com" % i)
after = tracemalloc.take_snapshot()
top = after.compare_to(base, "lineno")
for stat in top[:2]:
    print(stat.traceback[0].lineno, stat.count_diff, stat.size_diff > 0)
tracemalloc.stop()
