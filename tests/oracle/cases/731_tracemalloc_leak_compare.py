# The book's leak hunt: which line keeps growing between two snapshots?
import tracemalloc

cache = []


def handle_request(n):
    cache.append("x" * 1000 + str(n))  # nothing removes entries


tracemalloc.start()
before = tracemalloc.take_snapshot()
for n in range(2000):
    handle_request(n)
after = tracemalloc.take_snapshot()
for stat in after.compare_to(before, "lineno")[:3]:
    line = stat.traceback[0].lineno
    print(line, stat.size_diff // 1024, "KiB in", stat.count_diff, "new blocks")
tracemalloc.stop()
