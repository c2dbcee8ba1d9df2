# Frame objects a traceback keeps: their sizes follow each function's
# locals and stack depth
import sys


def simple():
    raise RuntimeError("simple")


def with_locals(a, b=2, *rest, **opts):
    total = a + b
    items = [total, total * 2, total * 3]
    names = {"a": a, "b": b}
    raise RuntimeError(str(len(items) + len(names)))


def nested(n):
    values = [x * x for x in range(n)]
    if sum(values) > 10:
        raise RuntimeError("big: " + str(sum(values)))
    return values


def calls(x):
    return nested(x) + [simple() if x < 0 else 1]


def chain(depth):
    if depth == 0:
        return calls(5)
    return chain(depth - 1)


for fn, arg in [(simple, None), (with_locals, 1), (nested, 6), (chain, 3)]:
    try:
        fn() if arg is None else fn(arg)
    except RuntimeError as e:
        tb = e.__traceback__.tb_next
        sizes = []
        while tb is not None:
            sizes.append(sys.getsizeof(tb.tb_frame))
            tb = tb.tb_next
        print(fn.__name__, e, sizes)
