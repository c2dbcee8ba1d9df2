# Statistics by traceback, with one frame each, and a traceback's lines
import tracemalloc


def make_rows(n):
    return [(i, i * 2.5) for i in range(n)]


tracemalloc.start()
rows = make_rows(2000)
words = " ".join(["w"] * 3000).split()
snapshot = tracemalloc.take_snapshot()
for stat in snapshot.statistics("traceback")[:2]:
    print(stat.count, stat.size, len(stat.traceback))
    for line in stat.traceback.format():
        print(line.split(",", 1)[1] if line.startswith("  File") else line)
tracemalloc.stop()
