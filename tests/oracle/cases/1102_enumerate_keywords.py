# enumerate(iterable=..., start=...): its own keyword checks.
import gc
import sys

todo = ["wash", "dry", "fold"]
for number, task in enumerate(iterable=todo, start=1):
    print(number, task)
for number, task in enumerate(start=10, iterable=todo):
    print(number, task)
for number, task in enumerate(todo, start=100):
    print(number, task)

e = enumerate(iterable=todo)
print(type(e).__name__, sys.getsizeof(e), gc.is_tracked(e), sys.getrefcount(todo))
print(next(e), list(e))
del e
print(sys.getrefcount(todo))

def show(call):
    try:
        print(call())
    except TypeError as err:
        print("TypeError:", err)

show(lambda: list(enumerate()))
show(lambda: list(enumerate(start=3)))
show(lambda: list(enumerate(todo, iterable=todo)))
show(lambda: list(enumerate(todo, 1, 2)))
show(lambda: list(enumerate(todo, begin=1)))
show(lambda: list(enumerate(items=todo)))
show(lambda: list(enumerate(iterable=todo, step=2)))
show(lambda: list(enumerate(iterable="ab", start="1")))
