# ExceptionGroup and BaseExceptionGroup (PEP 654): what the constructor
# checks and which class it picks, message and exceptions, str and repr,
# split / subgroup / derive, and the sizes of the objects.
import sys


def attempt(make):
    try:
        r = make()
        print("ok", type(r).__name__, repr(r))
    except Exception as e:
        print(type(e).__name__, e)


attempt(lambda: ExceptionGroup("m", [ValueError(1)]))
attempt(lambda: BaseExceptionGroup("m", [ValueError(1)]))
attempt(lambda: BaseExceptionGroup("m", [KeyboardInterrupt()]))
attempt(lambda: ExceptionGroup("m", [KeyboardInterrupt()]))
attempt(lambda: ExceptionGroup("m", []))
attempt(lambda: ExceptionGroup("m", 5))
attempt(lambda: ExceptionGroup(5, [ValueError()]))
attempt(lambda: ExceptionGroup("m", [1]))
attempt(lambda: ExceptionGroup("m"))
attempt(lambda: ExceptionGroup())
attempt(lambda: ExceptionGroup("m", [ValueError()], 3))
attempt(lambda: ExceptionGroup("m", (ValueError(),)))
attempt(lambda: ExceptionGroup("m", {ValueError()}))
attempt(lambda: ExceptionGroup("m", [ValueError()], x=1))

eg = ExceptionGroup("m", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(3)])])
print(eg.args, eg.exceptions, eg.message, str(eg))


def set_message():
    eg.message = "x"


def set_exceptions():
    eg.exceptions = ()


attempt(set_message)
attempt(set_exceptions)
print(repr(eg.subgroup(ValueError)), repr(eg.subgroup(KeyError)), eg.subgroup(Exception) is eg)
match, rest = eg.split((TypeError, KeyError))
print(repr(match), repr(rest))
print(match.exceptions[0].message, type(match.args[1]).__name__, type(match.exceptions).__name__)
print(eg.split(lambda e: isinstance(e, ValueError) and e.args[0] == 3))
attempt(lambda: eg.split(3))
print(repr(eg.derive([KeyError(9)])))
print(sys.getsizeof(eg), sys.getsizeof(BaseExceptionGroup("b", [KeyboardInterrupt()])))
print(str(ExceptionGroup("one", [ValueError()])))
print(isinstance(eg, Exception), issubclass(ExceptionGroup, Exception), issubclass(BaseExceptionGroup, Exception))
print(ExceptionGroup.__mro__)
try:
    raise eg
except Exception as e:
    print("caught by except Exception:", e is eg)
print(sys.getrefcount(eg), sys.getrefcount(eg.exceptions), sys.getrefcount(eg.exceptions[0]))

# a batch job collects its errors and reports them at once
def parse(text):
    return int(text)


errors = []
for text in ["1", "two", "3", "", "5"]:
    try:
        parse(text)
    except ValueError as e:
        errors.append(e)
report = ExceptionGroup(f"{len(errors)} of 5 lines failed", errors)
print(report)
for e in report.exceptions:
    print(" -", e)
print(sys.getrefcount(errors), sys.getrefcount(errors[0]))
