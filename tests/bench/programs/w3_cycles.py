# Workload 3 of make bench: 200,000 two-list cycles made and dropped (the
# automatic collector runs as they pile up), then one gc.collect().  The
# count it returns is not printed: where the automatic collections fall
# depends on the compiler's own gc traffic, a listed gap (oracle 137).
import gc

for i in range(200000):
    left = []
    right = [left]
    left.append(right)
left = right = None
print(gc.collect() > 0, gc.get_count()[0] < 700)
