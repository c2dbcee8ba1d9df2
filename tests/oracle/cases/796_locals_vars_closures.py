# vars() without an argument is locals(); closures' cells show their
# contents, unbound names are left out, keyword and star parameters are
# there under their names.
import sys

def make_counter():
    count = 0
    step = 2
    def bump():
        nonlocal count
        count += step
        return vars()
    return bump

bump = make_counter()
print(bump(), bump())

def report(*args, **kwargs):
    total = sum(args)
    return locals()

print(report(1, 2, 3, unit="cm"))

def maybe(flag):
    if flag:
        value = "set"
    return locals()

print(maybe(True), maybe(False))

def removed():
    a = [1]
    snap = locals()
    del a
    again = locals()
    return snap, again

s, a2 = removed()
print(s.keys() == a2.keys(), sorted(s), sorted(a2))
square = lambda n: locals()
print(square(4), sys.getsizeof(square(4)))
