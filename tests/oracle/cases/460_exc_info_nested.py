# sys.exc_info() and sys.exception(), nested handlers and bare raise
import sys


def describe():
    t, v, tb = sys.exc_info()
    print("  exc_info:", t.__name__ if t else None, v, type(tb).__name__)


print(sys.exc_info())
try:
    raise LookupError("first")
except LookupError:
    describe()
    try:
        raise ValueError("second")
    except ValueError:
        describe()
    describe()
    print("  exception():", repr(sys.exception()))
print(sys.exc_info(), sys.exception())

try:
    try:
        raise KeyError("a")
    except KeyError:
        try:
            {}["b"]
        except KeyError as inner:
            print("inner", inner, "context", repr(inner.__context__))
        raise
except KeyError as outer:
    print("outer", outer, "context", outer.__context__)

try:
    try:
        raise TypeError("t")
    finally:
        describe()
except TypeError:
    pass


class Report(Exception):
    def __str__(self):
        return "report: " + ", ".join([str(a) for a in self.args])


try:
    raise Report("disk", 93)
except Exception as e:
    print(e, repr(e), Exception.__str__(e), e.with_traceback(None) is e)
try:
    raise
except RuntimeError as r:
    print("RuntimeError:", r)
