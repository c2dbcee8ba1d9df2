# How much memory does a list of a thousand small objects take?
import tracemalloc

tracemalloc.start()
before, _ = tracemalloc.get_traced_memory()
records = [bytes(50) for _ in range(1000)]
after, peak = tracemalloc.get_traced_memory()
print("grew by", after - before, "bytes")
print("per record about", (after - before) // len(records))
print("peak at least current:", peak >= after)
tracemalloc.stop()
print("tracing:", tracemalloc.is_tracing())
