# The fields some built-in exceptions add, set from their arguments the way
# their __init__ does: StopIteration.value, SystemExit.code, ImportError.msg,
# AttributeError(name=..., obj=...), and the sizes those fields cost.
import sys

e = StopIteration(42)
print(e.value, e.args)
print(StopIteration().value)

for args in ((), (0,), ("bye",), (1, 2)):
    print(args, "->", repr(SystemExit(*args).code))

e = ImportError("no plugin", name="plugins.csv", path=None)
print(e.msg, e.name, e.path)
print(ImportError("a", "b").msg)

e = AttributeError("nope", name="colour", obj=[1, 2])
print(e.name, e.obj, e.args)

try:
    AttributeError("x", colour=1)
except TypeError as t:
    print("TypeError:", t)

try:
    ValueError("x", code=3)
except TypeError as t:
    print("TypeError:", t)


def numbers():
    yield 1
    return "finished"


gen = numbers()
next(gen)
try:
    next(gen)
except StopIteration as stop:
    print("returned:", stop.value)

class ParseError(ValueError):
    pass

class NotReady(StopIteration):
    pass

for obj in (StopIteration(), SystemExit(), ImportError(), ModuleNotFoundError(), OSError(),
            FileNotFoundError(), SyntaxError("bad"), ParseError(), NotReady()):
    print(type(obj).__name__, sys.getsizeof(obj))

e = SyntaxError("bad")
print(e.msg, e.filename, e.lineno, e.offset, e.text)
e = OSError("disk")
print(e.errno, e.strerror, e.filename, e.filename2, e.args)
