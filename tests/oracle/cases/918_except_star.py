# except* (PEP 654): each clause handles its part of the group, the rest
# goes on; a naked exception is wrapped; what a clause raises joins the
# rest in a new group; else and finally still run.
import sys


def boom():
    raise ExceptionGroup("batch failed", [ValueError("bad 1"), TypeError("bad 2"), ValueError("bad 3"), KeyError("k")])


def handle():
    try:
        boom()
    except* ValueError as eg:
        print("values:", repr(eg), len(eg.exceptions))
        print("handled now:", repr(sys.exc_info()[1]))
    except* TypeError as eg:
        print("types:", repr(eg))
    except* KeyError:
        print("a key error")
    print("after")


handle()


def partial():
    try:
        boom()
    except* ValueError:
        print("only values")


try:
    partial()
except ExceptionGroup as rest:
    print("rest:", repr(rest), rest.__traceback__ is not None, rest.__suppress_context__)


def raising():
    try:
        boom()
    except* ValueError as eg:
        raise RuntimeError("new") from None
    except* TypeError:
        raise


try:
    raising()
except ExceptionGroup as e:
    print(repr(e), e.__traceback__ is None)
    for x in e.exceptions:
        print(" ", repr(x), repr(x.__context__), x.__cause__)


def naked():
    try:
        raise ValueError("plain")
    except* ValueError as eg:
        print(repr(eg), eg.__traceback__)


naked()


def naked_miss():
    try:
        raise ValueError("plain")
    except* TypeError:
        print("no")


try:
    naked_miss()
except ValueError as e:
    print("through:", repr(e))
try:
    try:
        raise ExceptionGroup("g", [ValueError(1)])
    except* ExceptionGroup:
        pass
except TypeError as e:
    print(e)
try:
    try:
        raise ExceptionGroup("g", [ValueError(1)])
    except* 5:
        pass
except TypeError as e:
    print(e)


def with_else():
    try:
        x = 1
    except* ValueError:
        print("no")
    else:
        print("else ran", x)
    finally:
        print("finally ran")


with_else()


def reraise_all():
    try:
        boom()
    except* (ValueError, TypeError):
        print("looked, raising again")
        raise


try:
    reraise_all()
except* KeyError as ke:
    print("outer keys:", repr(ke))
except* ValueError as ve:
    print("outer values:", repr(ve))
except* TypeError as te:
    print("outer types:", repr(te))
for i in range(2):
    try:
        raise ExceptionGroup("loop", [OSError(i)])
    except* OSError as eg:
        for e in eg.exceptions:
            print("errno", e.args)
