# Code objects as introspection shows them: names, argument counts, the
# locals, the cells a function lends to its closures and the free variables
# a closure borrows, and the code a traceback's frames ran.
import sys


def trace(fn):
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs)
    return wrapper


@trace
def scale(values, factor=2, /, *extra, limit, **options):
    scaled = []
    for v in values:
        scaled.append(v * factor)
    total = sum(scaled)

    def report():
        return f"{total} from {len(values)}"

    return report


code = scale.__code__
print(code.co_name, code.co_qualname, code.co_argcount, code.co_kwonlyargcount)
print(code.co_varnames, code.co_nlocals, code.co_freevars)
inner = trace.__code__
print(inner.co_varnames, inner.co_cellvars, inner.co_firstlineno)
print(scale.__closure__[0].cell_contents.__code__.co_varnames)
report = scale.__closure__[0].cell_contents([1, 2, 3], limit=5)
print(report(), report.__code__.co_freevars, report.__code__.co_firstlineno)
print(type(code).__name__, code is scale.__code__, code.co_filename.endswith(".py"))


def fail(depth):
    if depth == 0:
        raise ValueError("bottom")
    fail(depth - 1)


try:
    fail(2)
except ValueError as err:
    tb = err.__traceback__
    names = []
    while tb is not None:
        names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print(names)
print(sys.getsizeof(names) > 0)
