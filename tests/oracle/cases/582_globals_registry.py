# globals() as books show it: a registry of handlers found by name, a
# counter updated through the module's dict, and what locals() and vars()
# are at module level and in a class body.
import sys
import gc

def handle_add(a, b):
    return a + b

def handle_mul(a, b):
    return a * b

def dispatch(op, a, b):
    handler = globals().get("handle_" + op)
    if handler is None:
        return "no handler for " + op
    return handler(a, b)

print(dispatch("add", 2, 3), dispatch("mul", 4, 5), dispatch("pow", 2, 8))
print(sorted(name for name in globals() if name.startswith("handle_")))

calls = 0
def count():
    globals()["calls"] += 1

for _ in range(3):
    count()
print("calls:", calls)

for i in range(3):
    globals()["var_" + str(i)] = i * i
print(var_0, var_1, var_2)
del globals()["var_1"]
print("var_1" in globals(), "var_2" in vars())

namespace = globals()
print(namespace is globals(), namespace is locals(), namespace is vars(), type(namespace).__name__)
print(sys.getrefcount(namespace), namespace["__name__"], "__builtins__" in namespace)

def peek():
    return sys.getrefcount(globals())
print(peek())

class Settings:
    debug = False
    level = 2
    before = sorted(k for k in locals() if not k.startswith("__"))
    locals()["verbose"] = True
    snapshot = vars()
    size = len(snapshot)

print(Settings.before, Settings.verbose, Settings.snapshot is Settings.__dict__, type(Settings.snapshot).__name__)
print(Settings.size, sorted(k for k in Settings.snapshot if not k.startswith("__")))

gc.collect()
before = gc.get_count()[0]
g = globals()
loc = locals()
grown = gc.get_count()[0] - before
print(grown, g is loc, gc.is_tracked(g))
try:
    locals(namespace)
except TypeError as e:
    print("TypeError:", e)
try:
    vars(1, 2)
except TypeError as e:
    print("TypeError:", e)
