# next() with a default, StopIteration at the end, and the two-argument
# iter(callable, sentinel) that calls until the sentinel comes back.
import gc
import sys

it = iter([10, 20])
print(next(it), next(it), next(it, "no more"), next(it, None))
try:
    next(it)
except StopIteration:
    print("StopIteration")

stack = [0, 3, 2, 1]
for item in iter(stack.pop, 0):
    print("popped", item)
print(stack)

count = [0]
def tick():
    count[0] += 1
    return count[0]

ticker = iter(tick, 4)
print(type(ticker).__name__, sys.getsizeof(ticker), gc.is_tracked(ticker))
print(list(ticker), list(ticker), count)

def empty_after_two():
    return None
gen = iter(empty_after_two, None)
print(list(gen))
try:
    iter(5, 0)
except TypeError as e:
    print(e)
try:
    next([1, 2])
except TypeError as e:
    print(e)
print(sys.getrefcount(tick))
t2 = iter(tick, -1)
print(sys.getrefcount(tick))
del t2
print(sys.getrefcount(tick))
