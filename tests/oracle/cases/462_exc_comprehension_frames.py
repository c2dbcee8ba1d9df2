# An exception inside a comprehension: 3.11 runs it in a frame of its own,
# 3.12+ inline list, set and dict comprehensions in the enclosing frame
import gc
import sys


def depth(tb):
    n = 0
    while tb is not None:
        n += 1
        tb = tb.tb_next
    return n


def convert(items):
    numbers = [int(x) for x in items]
    return numbers


def squares(items):
    return {x: int(x) ** 2 for x in items}


def lazy(items):
    return list(int(x) for x in items)


for fn in (convert, squares, lazy):
    try:
        fn(["1", "2", "three"])
    except ValueError as e:
        frames = []
        tb = e.__traceback__.tb_next
        while tb is not None:
            frames.append(sys.getsizeof(tb.tb_frame))
            tb = tb.tb_next
        print(fn.__name__, depth(e.__traceback__), frames)
        kept = e
print(gc.is_tracked(kept.__traceback__.tb_next.tb_frame))
del kept
print(gc.collect())
