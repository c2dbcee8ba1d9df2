# Exceptions are matched by class and subclass, never by name.
class AppError(Exception):
    pass


class DiskError(AppError):
    pass


print(AppError, DiskError, KeyError, OSError)
try:
    raise DiskError("full")
except AppError as e:
    print("caught by base:", repr(e))
try:
    {}["k"]
except LookupError as e:
    print("KeyError is a LookupError:", repr(e))
try:
    raise FileNotFoundError("gone")
except (ValueError, OSError) as e:
    print("tuple match:", type(e).__name__ if False else "OSError family")
try:
    raise TabError("tab")
except SyntaxError:
    print("TabError is a SyntaxError")
try:
    try:
        1 / 0
    except KeyError:
        print("wrong handler")
except ArithmeticError as e:
    print("ZeroDivisionError is an ArithmeticError:", e)
print(issubclass(RecursionError, RuntimeError), issubclass(ModuleNotFoundError, ImportError))
print(issubclass(DiskError, (KeyError, Exception)), issubclass(bool, int), issubclass(int, bool))
try:
    raise KeyError((1, "two"))
except KeyError as e:
    print(e, repr(e), e.args)
