# A temporary list shows up in the peak, not in the current size
import tracemalloc


def total_of_squares(n):
    squares = [i * i for i in range(n)]
    return sum(squares)


tracemalloc.start()
result = total_of_squares(10000)
current, peak = tracemalloc.get_traced_memory()
print(result)
tracemalloc.reset_peak()
current2, peak2 = tracemalloc.get_traced_memory()
print(current, peak)
print(current2, peak2)
tracemalloc.stop()
