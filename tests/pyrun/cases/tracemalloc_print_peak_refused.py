import tracemalloc
tracemalloc.start()
data = [str(i) for i in range(100)]
print("built", len(data))
current, peak = tracemalloc.get_traced_memory()
print(current, peak)
