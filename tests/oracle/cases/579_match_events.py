# Events from a JSON feed, dispatched with mapping patterns: the keys a
# pattern names, values checked by sub-patterns, and `**rest` collecting
# everything else into a new dict.
import sys
import gc

events = [
    {"type": "click", "x": 10, "y": 20},
    {"type": "key", "key": "q", "mods": ["ctrl"]},
    {"type": "key", "key": "a"},
    {"type": "resize", "size": {"w": 800, "h": 600}, "dpi": 96, "scale": 2},
    {"type": "scroll", "delta": -3},
    {"kind": "unknown"},
    {},
    ["type", "click"],
]

def dispatch(event):
    match event:
        case {"type": "click", "x": int(x), "y": int(y)}:
            return "click at " + str(x) + "," + str(y)
        case {"type": "key", "key": "q", "mods": ["ctrl"]}:
            return "quit"
        case {"type": "key", "key": k}:
            return "key " + k
        case {"type": "resize", "size": {"w": w, "h": h}, **extra}:
            return "resize " + str(w) + "x" + str(h) + " extra " + str(sorted(extra))
        case {"type": t, **rest} if not rest or "delta" in rest:
            return "generic " + t + " " + str(rest)
        case {}:
            return "some mapping"
        case _:
            return "not an event"

for e in events:
    print(dispatch(e))

gc.collect()
before = gc.get_count()[0]
config = {"host": "localhost", "port": 8080, "debug": True, "user": "ann", "retries": 3}
match config:
    case {"host": host, "port": port, **options}:
        grown = gc.get_count()[0] - before
        print(host, port, options)
        print(sys.getsizeof(options), sys.getsizeof(config), len(options), gc.is_tracked(options))
        print(grown, sys.getrefcount(host))
small = {"a": 1}
match small:
    case {"a": 1, **others}:
        print(others, sys.getsizeof(others))
match {}:
    case {**everything}:
        print(everything, sys.getsizeof(everything))
del options, others, everything
gc.collect()
before = gc.get_count()[0]
for i in range(30):
    match config:
        case {"port": 80}:
            pass
        case {"port": p, "missing": m}:
            pass
        case {"debug": True}:
            pass
print(gc.get_count()[0] - before)
