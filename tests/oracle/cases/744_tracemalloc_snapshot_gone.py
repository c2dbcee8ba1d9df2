# A snapshot costs memory too; deleting it gives that back
import tracemalloc

tracemalloc.start()
work = [bytes(64) for _ in range(100)]
s1 = tracemalloc.take_snapshot()
s2 = tracemalloc.take_snapshot()
lines = sorted((s.traceback[0].lineno, s.size, s.count) for s in s2.statistics("lineno"))
print(lines)
del s1
s3 = tracemalloc.take_snapshot()
print(sorted((s.traceback[0].lineno, s.size, s.count) for s in s3.statistics("lineno")))
tracemalloc.stop()
