# What a function refers to, as gc.get_referents shows it: its code, its
# globals and builtins, its module name, its defaults, its doc, its names,
# its __dict__ once made, its closure.
import gc


def kinds(obj):
    return sorted(type(r).__name__ for r in gc.get_referents(obj))


def make_counter(start=0, *, step=1):
    "Return a counter function."
    count = [start]

    def counter():
        count[0] += step
        return count[0]
    return counter


def plain():
    pass


c = make_counter()
print(kinds(make_counter))
print(kinds(c))
print(kinds(plain))
print(kinds(lambda x: x))
plain.calls = 0
print(kinds(plain))
print([type(r).__name__ for r in gc.get_referents(plain)])
refs = gc.get_referents(c)
print(c.__code__ in refs, c.__globals__ in [r for r in refs if type(r) is dict])
print(len(gc.get_referents(plain, c, make_counter)))
