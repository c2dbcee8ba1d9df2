# Rows of pairs traced right after `import tracemalloc`: under 3.13 the
# import leaves a young collection pending, which frees its leftovers onto
# the free lists while the rows are being built.
import tracemalloc


def make_rows(n):
    return [(i, i * 2.5) for i in range(n)]


tracemalloc.start()
rows = make_rows(60)
print(tracemalloc.get_traced_memory())
more = make_rows(2000)
print(tracemalloc.get_traced_memory())
labels = [str(i) for i in range(100)]
print(tracemalloc.get_traced_memory())
tracemalloc.stop()
