import sys


class Data:
    pass


def count(obj):
    return sys.getrefcount(obj)


def nested(obj):
    return count(obj)


def keep(obj, store):
    store.append(obj)
    return sys.getrefcount(obj)


d = Data()
print("module level:", sys.getrefcount(d))
print("one call:", count(d))
print("two calls:", nested(d))
store = []
print("stored inside call:", keep(d, store))
print("after call:", sys.getrefcount(d))
store.append(d)
print("stored twice:", sys.getrefcount(d))
store = None
print("store dropped:", sys.getrefcount(d))

def closure_holder(obj):
    def inner():
        return obj
    return inner

f = closure_holder(d)
print("held by a closure:", sys.getrefcount(d))
del f
print("closure dropped:", sys.getrefcount(d))
