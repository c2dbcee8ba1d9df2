# A decorator that refuses a function: the traceback points at the decorator's line.
allowed = ["documented"]


def needs_docstring(func):
    if func.__name__ not in allowed:
        raise ValueError(func.__name__ + " is not allowed")
    return func


@needs_docstring
def documented():
    """I have one."""
    return 1


print(documented())


def identity(func):
    return func


@identity
@needs_docstring
def undocumented():
    return 2


print("not reached")
