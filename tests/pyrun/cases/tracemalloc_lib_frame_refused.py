import tracemalloc
tracemalloc.start()
first = tracemalloc.take_snapshot()
second = tracemalloc.take_snapshot()
for stat in second.compare_to(first, "lineno"):
    print(stat.traceback[0].lineno, stat.size_diff, stat.count_diff)
    text = str(stat)
    print(text[text.index(".py:"):])
