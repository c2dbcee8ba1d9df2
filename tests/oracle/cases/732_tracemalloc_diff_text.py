# What a StatisticDiff prints (the file name cut off)
import tracemalloc

tracemalloc.start()
first = tracemalloc.take_snapshot()
grid = [[x * y for x in range(30)] for y in range(30)]
second = tracemalloc.take_snapshot()
for stat in second.compare_to(first, "lineno")[:1]:
    text = str(stat)
    print(text[text.index(".py:") + 4:])
    r = repr(stat)
    print(r[r.index("lineno="):])
tracemalloc.stop()
