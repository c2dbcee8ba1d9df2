# A small report of functions, lined up with format specs.
import math

rows = [("sqrt", math.sqrt, 2), ("log", math.log, 10), ("exp", math.exp, 0.5), ("cbrt", math.cbrt, 27)]
print(f"{'name'!r:>8} | {'x':^5} | value")
for name, fn, x in rows:
    value = fn(x)
    print(f"{name!r:>8} | {x!r:^5} | {value:.6f} {value!r:<20}|")
print(f"{math.pi!r:>22}|{math.e!s:<20}|{math.inf!r:^7}|")
print(f"{[math.floor(2.5), math.ceil(2.5)]!r:>12}")
print("{0!r:>10}|{1:8.3f}|".format("tau", math.tau))
