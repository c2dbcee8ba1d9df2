# Measuring memory the way a tutorial does: build something, print progress,
# then ask tracemalloc for the current and peak figures.
import tracemalloc

tracemalloc.start()
data = [str(i) for i in range(100)]
print("built", len(data), "strings")
current, peak = tracemalloc.get_traced_memory()
print(f"current={current} peak={peak}")

ready = len(data) == 100
print("ready:", ready, None)
print(f"{ready}", "%s" % ready, "{}".format(not ready))
current, peak = tracemalloc.get_traced_memory()
print(current, peak, peak >= current)

label = "".join(["mem", "ory"])
print(label, f"{label}", "%s" % label, "{}".format(label), sep=" | ")
squares = {n: n * n for n in range(50)}
print("squares:", len(squares), end="\n\n")
current, peak = tracemalloc.get_traced_memory()
print(current, peak)

del data, squares
long_line = "=" * 300
print(long_line)
print(len(long_line), "characters")
current, peak = tracemalloc.get_traced_memory()
print(current, peak)
tracemalloc.stop()
