# What tracemalloc says when it is used the wrong way
import tracemalloc

print(tracemalloc.is_tracing(), tracemalloc.get_traced_memory())
try:
    tracemalloc.take_snapshot()
except RuntimeError as e:
    print("RuntimeError:", e)
tracemalloc.start()
snap = tracemalloc.take_snapshot()
try:
    snap.statistics("line")
except ValueError as e:
    print("ValueError:", e)
try:
    snap.statistics("traceback", cumulative=True)
except ValueError as e:
    print("ValueError:", e)
try:
    tracemalloc.start(0)
except ValueError as e:
    print("ValueError:", e)
print(snap.traceback_limit, type(snap).__name__)
tracemalloc.stop()
