import tracemalloc

tracemalloc.start()

big_list = [str(i) * 10 for i in range(10000)]
table = {i: [i] * 10 for i in range(2000)}

snapshot = tracemalloc.take_snapshot()
stats = snapshot.statistics("lineno")
for stat in stats[:2]:
    frame = stat.traceback[0]
    print(f"line {frame.lineno}: {stat.size // 10000 * 10000} bytes in at least {stat.count // 1000 * 1000} blocks")

current, peak = tracemalloc.get_traced_memory()
print(current > 1_000_000, peak >= current)
tracemalloc.stop()
print(tracemalloc.is_tracing())
