# Four threads each sum a slice of the numbers; the main thread joins them
# and combines the partial results (each thread writes its own slot).
import sys
import threading

N = 20000
parts = [0] * 4


def partial_sum(index, start, stop):
    total = 0
    for n in range(start, stop):
        total += n * n
    parts[index] = total


step = N // 4
threads = []
for i in range(4):
    t = threading.Thread(target=partial_sum, args=(i, i * step, (i + 1) * step))
    threads.append(t)

print([t.name for t in threads])
print([t.is_alive() for t in threads])
for t in threads:
    t.start()
for t in threads:
    t.join()
print([t.is_alive() for t in threads])
print(parts)
print(sum(parts) == sum(n * n for n in range(N)))
print(sys.getrefcount(threads[0]), sys.getsizeof(threads[0]))
print(threading.active_count(), len(threading.enumerate()))
