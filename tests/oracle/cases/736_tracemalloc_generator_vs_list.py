# A generator does not hold its items: compare the peaks
import tracemalloc


def squares_list(n):
    return sum([i * i for i in range(n)])


def squares_gen(n):
    return sum(i * i for i in range(n))


tracemalloc.start()
squares_list(20000)
_, peak_list = tracemalloc.get_traced_memory()
tracemalloc.reset_peak()
squares_gen(20000)
_, peak_gen = tracemalloc.get_traced_memory()
print(peak_list, peak_gen)
print("the list peaked higher:", peak_list > peak_gen)
tracemalloc.stop()
