# Finalizers still alive when the program ends run at exit, newest first,
# unless their atexit flag was cleared.
import weakref


class Resource:
    def __init__(self, name):
        self.name = name


def release(name):
    print("release", name)


db = Resource("db")
cache = Resource("cache")
log = Resource("log")
temp = Resource("temp")
f1 = weakref.finalize(db, release, "db")
f2 = weakref.finalize(cache, release, "cache")
f3 = weakref.finalize(log, release, "log")
f4 = weakref.finalize(temp, release, "temp")
f2.atexit = False
print(f1.atexit, f2.atexit)
del temp
print("main done")
