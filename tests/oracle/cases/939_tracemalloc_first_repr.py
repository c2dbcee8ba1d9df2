# The first repr of a container makes the thread's repr state (a dict and a
# list); when the free lists are empty by then, tracemalloc sees both.
import tracemalloc

tracemalloc.start()
stack = []
for i in range(10):
    stack.append([i, [i, [i]]])
print(stack[-1])
print(f"{stack[:2]}")
print(tracemalloc.get_traced_memory())
config = {"host": "localhost", "port": 8080}
print(list(config.items()))
print(tracemalloc.get_traced_memory())
tracemalloc.stop()
