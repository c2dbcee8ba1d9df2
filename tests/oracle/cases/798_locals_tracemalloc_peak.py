# The peak of a locals() call shows what each version makes on the way:
# 3.11 refreshes the frame's dict, 3.12 also makes (and drops) a KeyError
# for a local not bound yet, 3.13 makes the frame object and a proxy.
import tracemalloc

def snapshot():
    count = 1
    result = locals()
    return 0

def plain():
    count = 1
    return 0

def in_handler():
    try:
        {}["missing"]
    except KeyError as err:
        names = locals()
        return len(names)

tracemalloc.start()
snapshot(); plain()
for fn in (plain, snapshot, snapshot, in_handler, in_handler):
    tracemalloc.reset_peak()
    base = tracemalloc.get_traced_memory()[0]
    out = fn()
    print(fn.__name__, tracemalloc.get_traced_memory()[1] - base, out)
tracemalloc.stop()
