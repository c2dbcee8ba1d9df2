# A class made while tracemalloc traces: type_new's copies of the namespace
# are not all modelled, so the traced figures after it are refused.
import tracemalloc

tracemalloc.start()
before = tracemalloc.get_traced_memory()[0]


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


print("made the class")
after = tracemalloc.get_traced_memory()[0]
print(after - before)
