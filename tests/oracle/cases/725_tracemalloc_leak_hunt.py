# A leak hunt: the same work repeated, and the memory keeps growing
import tracemalloc

_cache = []


def handle_request(n):
    payload = "x" * 200 + str(n)
    _cache.append(payload)  # nothing ever removes entries
    return len(payload)


tracemalloc.start()
sizes = []
for round_ in range(4):
    for n in range(250):
        handle_request(n)
    sizes.append(tracemalloc.get_traced_memory()[0])
growth = [b - a for a, b in zip(sizes, sizes[1:])]
print(growth)
print("leaking:", all(g > 0 for g in growth))
tracemalloc.stop()
