# raise ... from ..., implicit chaining and from None
class StorageError(Exception):
    pass


def read_config(data, key):
    try:
        return data[key]
    except KeyError as e:
        raise StorageError("no setting " + repr(key)) from e


def lookup(data, key):
    try:
        return data[key]
    except KeyError:
        raise StorageError("lookup failed")


def quiet(data, key):
    try:
        return data[key]
    except KeyError:
        raise StorageError("quiet failure") from None


for fn in (read_config, lookup, quiet):
    try:
        fn({}, "port")
    except StorageError as err:
        print(fn.__name__, "->", err)
        print("  cause:", repr(err.__cause__))
        print("  context:", repr(err.__context__))
        print("  suppressed:", err.__suppress_context__)

e = ValueError("outer")
e.__cause__ = TypeError("inner")
print(repr(e.__cause__), e.__suppress_context__)
try:
    raise ValueError from 5
except TypeError as t:
    print("TypeError:", t)
