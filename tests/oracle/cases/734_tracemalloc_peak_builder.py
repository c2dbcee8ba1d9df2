# The peak remembers a big temporary even after it is gone
import tracemalloc


def build_report(n):
    lines = ["line %d" % i for i in range(n)]
    return len("\n".join(lines))


tracemalloc.start()
size = build_report(5000)
current, peak = tracemalloc.get_traced_memory()
print(size)
print("current:", current)
print("peak:", peak)
tracemalloc.reset_peak()
small = build_report(10)
print(tracemalloc.get_traced_memory()[1] < peak)
tracemalloc.stop()
