# What print(stat) and repr(stat) look like (the file name cut off)
import tracemalloc

tracemalloc.start()
rows = [(i, str(i)) for i in range(1500)]
big = [0] * 100000
snapshot = tracemalloc.take_snapshot()
for stat in snapshot.statistics("lineno"):
    text = str(stat)
    print(text[text.index(".py:") + 4:])
    r = repr(stat)
    print(r[:r.index("filename=")], r[r.index("lineno="):])
    print(str(stat.traceback[0]).endswith(".py:%d" % stat.traceback[0].lineno))
tracemalloc.stop()
