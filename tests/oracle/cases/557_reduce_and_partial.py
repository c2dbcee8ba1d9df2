# functools.reduce and functools.partial, the way tutorials show them.
import sys
import gc
from functools import reduce, partial
import operator

print(reduce(operator.add, [1, 2, 3, 4]), reduce(operator.mul, range(1, 6), 1))
print(reduce(lambda acc, word: acc + len(word), ["one", "three", "five"], 0))
print(reduce(max, [4, 11, 7]), reduce(operator.concat, [[1], [2, 3], []]))
print(reduce(lambda a, b: a * 10 + b, [1, 2, 3]), reduce(operator.add, ["x"], "y"))
print(reduce(operator.add, [], 42), reduce(operator.add, [5]))


def running(acc, x):
    acc.append(x)
    return acc


print(reduce(running, "abc", []))
try:
    reduce(operator.add, [])
except TypeError as e:
    print("TypeError:", e)
try:
    reduce(operator.add, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    reduce(3, [1, 2])
except TypeError as e:
    print("TypeError:", e)


def power(base, exponent):
    return base ** exponent


square = partial(power, exponent=2)
cube = partial(power, exponent=3)
two_to = partial(power, 2)
print(square(7), cube(3), two_to(10), square(base=5))
print(square.func is power, square.args, square.keywords, two_to.args, two_to.keywords)
print(type(square).__name__, sys.getsizeof(square), gc.is_tracked(square), callable(square))
print(repr(partial(print, 1, 2, sep="-")).startswith("functools.partial(<built-in function print>, 1, 2, sep="))
shout = partial(print, sep=" | ", end="!\n")
shout("a", "b", "c")
nested = partial(partial(power, 3), exponent=4)
print(nested(), nested.func is power, nested.args, nested.keywords)
greet = partial("{} and {}".format, "tea")
print(greet("cake"))
try:
    partial()
except TypeError as e:
    print("TypeError:", e)
try:
    partial(42)
except TypeError as e:
    print("TypeError:", e)
base = [1, 2]
keep = partial(running, base)
print(sys.getrefcount(base), keep(3), sys.getrefcount(base))
del keep
print(sys.getrefcount(base))
