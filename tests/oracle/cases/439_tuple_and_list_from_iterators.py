# tuple() and list() of an iterator: how big the result is and what the
# building costs the collector (a length hint sizes it first).
import gc
import sys

def numbers(n):
    for i in range(n):
        yield i

names = ["ada", "bob", "cy"]
gc.collect()
before = gc.get_count()[0]
t = tuple(names)
print("tuple(list):", gc.get_count()[0] - before, sys.getsizeof(t))

gc.collect()
before = gc.get_count()[0]
t = tuple(numbers(3))
print("tuple(gen 3):", gc.get_count()[0] - before, sys.getsizeof(t))

gc.collect()
before = gc.get_count()[0]
t = tuple(numbers(25))
print("tuple(gen 25):", gc.get_count()[0] - before, sys.getsizeof(t), t[-1])

gc.collect()
before = gc.get_count()[0]
t = tuple(map(str, range(12)))
print("tuple(map):", gc.get_count()[0] - before, sys.getsizeof(t))
print(tuple(range(30))[-1], tuple("abc"), tuple({"k": 1}), tuple(zip("ab", "cd")))

for source in [iter(range(5)), iter("hello"), iter({1, 2, 3}), iter({"a": 1}), iter(b"xyz"),
               iter((1, 2)), reversed([1, 2, 3]), enumerate("ab"), zip("ab", "cd")]:
    made = list(source)
    print(type(source).__name__, len(made), sys.getsizeof(made))
it = iter(range(10))
next(it)
next(it)
print(sys.getsizeof(list(it)))
s = iter("abcdef")
next(s)
print(sys.getsizeof(list(s)))
