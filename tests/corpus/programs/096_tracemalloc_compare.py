import tracemalloc

tracemalloc.start()
before = tracemalloc.take_snapshot()

cache = {}
for i in range(5000):
    cache[i] = bytes(100)

after = tracemalloc.take_snapshot()
diff = after.compare_to(before, "lineno")
top = diff[0]
print("grown line:", top.traceback[0].lineno)
print("size diff ~", round(top.size_diff, -5))
print("count diff:", top.count_diff >= 5000)
cache.clear()
current, peak = tracemalloc.get_traced_memory()
print("peak above 500 kB:", peak > 500_000, "current below peak:", current < peak)
tracemalloc.stop()
