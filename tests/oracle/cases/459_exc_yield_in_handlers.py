# yield inside except and finally: the generator keeps the exception
# it is handling while it is suspended
import gc
import sys


def reader(lines):
    for line in lines:
        try:
            yield int(line)
        except ValueError as e:
            print("bad line:", line)
            yield -1
            print("still handling:", type(e).__name__)
        finally:
            yield "done " + line


g = reader(["1", "x", "3"])
for item in g:
    print(item)


def cleanup():
    try:
        yield 1
        raise KeyError("k")
    except KeyError:
        yield "in handler"
        raise


c = cleanup()
print(next(c), next(c))
try:
    next(c)
except KeyError as k:
    print("re-raised", repr(k))


def nested():
    try:
        raise ValueError("outer")
    except ValueError:
        try:
            raise TypeError("inner")
        except TypeError:
            yield "inner handled"
        yield "back in outer"
        raise


n = nested()
print(next(n), next(n))
try:
    next(n)
except ValueError as v:
    print("outer re-raised:", v, repr(v.__context__))
print(sys.getsizeof(reader([])), sys.getsizeof(cleanup()), sys.getsizeof(nested()))
print(gc.collect())
