# PyMOTW-style weakref.finalize: one finalizer with atexit turned off, one
# left on.  At exit the second runs, then both objects die as the program's
# module goes away (the registry that holds the callbacks goes with it).
import weakref


class ExpensiveObject:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("(Deleting {})".format(self.name))


def on_finalize(*args):
    print("on_finalize({!r})".format(args))


obj = ExpensiveObject("first")
f = weakref.finalize(obj, on_finalize, "extra argument")
f.atexit = False
print(f.atexit, f.alive)

obj2 = ExpensiveObject("second")
f2 = weakref.finalize(obj2, on_finalize, "at exit")
print(f2.atexit, f2.alive)
print("exiting")
