# sys._getframe() as debugging helpers and loggers use it: who called me,
# how deep is the stack, which line am I on.
import sys


def log(msg):
    caller = sys._getframe(1)
    print(f"[{caller.f_code.co_name}:{caller.f_lineno}] {msg}")


def load(path):
    log("loading " + path)
    return parse(path.upper())


def parse(text):
    log("parsing")
    return len(text)


def depth():
    n = 0
    frame = sys._getframe()
    while frame is not None:
        n += 1
        frame = frame.f_back
    return n


def recurse(k):
    if k == 0:
        return depth()
    return recurse(k - 1)


print(load("a.txt"))
print(depth(), recurse(3))
here = sys._getframe()
print(here.f_code.co_name, here.f_back, here.f_globals is globals())
try:
    sys._getframe(100)
except ValueError as e:
    print("ValueError:", e)


def held():
    frame = sys._getframe()
    return sys.getrefcount(frame), type(frame).__name__, sys.getsizeof(frame)


print(held())


def escape():
    return sys._getframe()


frame = escape()
print(frame.f_code.co_name, frame.f_back.f_code.co_name, sys.getrefcount(frame))
