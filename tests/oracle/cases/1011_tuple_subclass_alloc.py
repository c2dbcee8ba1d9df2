# What a tuple subclass really allocates: sys.getsizeof reports the
# struct, but PyType_GenericAlloc asks for one item more (its sentinel),
# which tracemalloc counts.
import sys
import tracemalloc


class Pair(tuple):
    __slots__ = ()


class Tagged(tuple):
    pass


v = 1000
tracemalloc.start()
before = tracemalloc.get_traced_memory()[0]
pairs = [Pair((v, v)) for _ in range(50)]
middle = tracemalloc.get_traced_memory()[0]
tagged = [Tagged((v, v, v)) for _ in range(50)]
after = tracemalloc.get_traced_memory()[0]
print("getsizeof:", sys.getsizeof(pairs[0]), sys.getsizeof(tagged[0]))
print("traced per Pair:", (middle - before - sys.getsizeof(pairs)) // 50)
print("traced per Tagged:", (after - middle - sys.getsizeof(tagged)) // 50)
