# A bytearray that grows: each resize replaces its block
import tracemalloc

tracemalloc.start()
buf = bytearray()
sizes = []
for i in range(40):
    buf += b"x" * 100
    sizes.append(tracemalloc.get_traced_memory()[0])
print(sizes[0], sizes[9], sizes[19], sizes[39])
print(len(set(sizes)))
tracemalloc.stop()
