class AppError(Exception):
    """Base for the app."""
class ValidationError(AppError):
    def __init__(self, field, message):
        super().__init__(f"{field}: {message}")
        self.field = field
class NotFound(AppError):
    pass
def parse_age(text):
    try:
        age = int(text)
    except ValueError as e:
        raise ValidationError("age", f"not a number: {text!r}") from e
    if age < 0:
        raise ValidationError("age", "negative")
    return age
for t in ("42", "-1", "old"):
    try:
        print(parse_age(t))
    except ValidationError as e:
        print(type(e).__name__, e, e.field, repr(e.__cause__), e.__context__ is e.__cause__, e.__suppress_context__)
def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        raise NotFound(k)
try:
    lookup({}, "x")
except NotFound as e:
    print(repr(e), repr(e.__context__), e.__cause__, e.args)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("second") from None
except ValueError as e:
    print(e, e.__cause__, e.__suppress_context__, type(e.__context__).__name__)
def f():
    try:
        return "try"
    finally:
        print("finally runs")
print(f())
def g():
    for i in range(3):
        try:
            if i == 1:
                continue
            print("body", i)
        finally:
            print("cleanup", i)
g()
try:
    raise ExceptionGroup("many", [ValueError(1), TypeError(2)])
except* ValueError as eg:
    print("values", eg.exceptions)
except* TypeError as eg:
    print("types", eg.exceptions)
e = None
try:
    {}["k"]
except LookupError as e:
    print("caught", type(e).__name__, e.args)
try:
    print(e)
except NameError as ne:
    print("NameError:", ne)
err = KeyError("a", "b")
print(str(err), repr(err), err.args, isinstance(err, LookupError))
class Retry(Exception):
    def __str__(self):
        return f"retry #{self.args[0]}"
try:
    raise Retry(3)
except Exception as ex:
    print(ex, repr(ex), ex.with_traceback(None) is ex)
try:
    assert 1 + 1 == 3, "math is broken"
except AssertionError as a:
    print("AssertionError:", a)
try:
    raise TypeError("bad") 
except (ValueError, TypeError) as both:
    print("tuple caught", both)
else:
    print("no")
