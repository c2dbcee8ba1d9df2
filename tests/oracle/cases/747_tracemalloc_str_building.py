# Building a string piece by piece against joining a list
import tracemalloc

tracemalloc.start()
parts = [str(i) for i in range(500)]
tracemalloc.reset_peak()
joined = ",".join(parts)
after_join = tracemalloc.get_traced_memory()
text = ""
for p in parts[:100]:
    text = text + p + ","
after_loop = tracemalloc.get_traced_memory()[0]
print(after_join, after_loop, len(joined), len(text))
tracemalloc.stop()
