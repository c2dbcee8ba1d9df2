# tracemalloc around format() and f-string fields: the bound __format__, the digit buffers, the scratch strs
import tracemalloc
vals = [941.8123, 0.0001, 12.5, 1234567.891, -3.25, 1e22, 0.1]
specs = [".1f", ".3f", ".2e", ".3g", ".2", "10.2f", "+.1f", ",.2f", ".1%", "g", "e", "f", "E", "G", "08.2f", "_.1f", " .2e", "<9.1f", "=+10.1f", "z.1f", "#.0f", ".0f", ".0e", "F"]
tracemalloc.start()
for sp in specs:
    row = []
    for x in vals:
        if sp == "r":
            tracemalloc.reset_peak(); b = tracemalloc.get_traced_memory()[0]
            s = repr(x)
        else:
            tracemalloc.reset_peak(); b = tracemalloc.get_traced_memory()[0]
            s = format(x, sp)
        c, p = tracemalloc.get_traced_memory()
        row.append((s, c - b, p - b))
        del s
    print(repr(sp), row)
ints = [0, 7, 123456, -98765, 2**40, -2**70, 10**30]
for sp in ["d", "", "5d", ",", "_d", "+d", " d", "x", "#x", "o", "b", "08d", "<6", "^7d", ",d", "#o", ">3"]:
    row = []
    for x in ints:
        tracemalloc.reset_peak(); b = tracemalloc.get_traced_memory()[0]
        s = format(x, sp) if sp else f"{x:{sp}}"
        c, p = tracemalloc.get_traced_memory()
        row.append((s, c - b, p - b))
        del s
    print(repr(sp), row)
