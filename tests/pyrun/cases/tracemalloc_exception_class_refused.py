# An exception class made while tracemalloc traces: the model's exception
# layout is not CPython's type object, so the traced figures after it are
# refused.
import tracemalloc

tracemalloc.start()
before = tracemalloc.get_traced_memory()[0]


class AppError(Exception):
    pass


print("made the class")
after = tracemalloc.get_traced_memory()[0]
print(after - before)
