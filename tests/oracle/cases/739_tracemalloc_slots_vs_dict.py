# __slots__ against a __dict__, measured the tracemalloc way
import tracemalloc


class Plain:
    def __init__(self, a, b, c):
        self.a, self.b, self.c = a, b, c


class Slotted:
    __slots__ = ("a", "b", "c")

    def __init__(self, a, b, c):
        self.a, self.b, self.c = a, b, c


def measure(cls):
    tracemalloc.clear_traces()
    objs = [cls(i, i, i) for i in range(500)]
    return tracemalloc.get_traced_memory()[0]


tracemalloc.start()
print("plain:", measure(Plain))
print("slotted:", measure(Slotted))
tracemalloc.stop()
