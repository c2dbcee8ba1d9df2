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


# The same sentinel for subclasses of int (one more digit, rounded to a
# word) and of bytes (one more byte).
class Money(int):
    pass


class Blob(bytes):
    pass


cents, big, raw = 5, 2**40, b"abc"
first = tracemalloc.get_traced_memory()[0]
m = Money(cents)
second = tracemalloc.get_traced_memory()[0]
m2 = Money(big)
third = tracemalloc.get_traced_memory()[0]
blob = Blob(raw)
fourth = tracemalloc.get_traced_memory()[0]
print("Money, Money(2**40), Blob:", second - first, third - second, fourth - third)
print("getsizeof:", sys.getsizeof(m), sys.getsizeof(m2), sys.getsizeof(blob))
