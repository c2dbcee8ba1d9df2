#!/usr/bin/env python3
"""freelist-range.py BASE VARIANTS: how full CPython's free lists are after
each program prefix in VARIANTS (one per paragraph), with BASE run first in
all of them, and after BASE alone; printed per version as the three
SimFreeStock rows tracemalloc_range.c keeps: `base` (after BASE), `lo` and
`hi` (the least and the most each free list held over the variants).

    tests/tools/freelist-range.py tests/tools/freelist-ranges/namedtuple.txt

Dicts, lists, floats and tuples are read from sys._debugmallocstats(), which
allocates no object; the keys tables (which 3.11 and 3.12 do not print) are
counted through tracemalloc: {'a': i} made one by one takes a keys table
each, which the free list gives until it is empty.
"""
import re, subprocess, sys

VERSIONS = {"3.11": "3.11.7/bin/python3.11", "3.12": "3.12.1/bin/python3.12", "3.13": "3.13.0/bin/python3.13"}
ROOT = subprocess.check_output(["pyenv", "root"], text=True).strip()
MAXSAVE = 21
KEYS_PROBE = """
_xs = [None] * 100
_incs = [0] * 100
tracemalloc.start()
for _i in range(100):
    _a = tracemalloc.get_traced_memory()[0]
    _xs[_i] = {'a': _i}
    _incs[_i] = tracemalloc.get_traced_memory()[0] - _a
tracemalloc.stop()
print(*_incs)
"""


def stock(ver, prog):
    exe = "%s/versions/%s" % (ROOT, VERSIONS[ver])
    src = "import sys\nimport tracemalloc\n" + prog + "\nsys._debugmallocstats()\n" + KEYS_PROBE
    r = subprocess.run(["env", "-i", "PYTHONHASHSEED=0", exe, "-S", "-s", "-c", src],
                       capture_output=True, text=True, check=True)
    kinds = {"Dict": 0, "DictKeys": None, "List": 0, "Float": 0}
    tuples = [0] * MAXSAVE
    for line in r.stderr.splitlines():
        m = re.match(r"\s*(\d+) free (\d+)-sized PyTupleObjects", line)
        if m and int(m.group(2)) < MAXSAVE:
            tuples[int(m.group(2))] = int(m.group(1))
        m = re.match(r"\s*(\d+) free Py(Dict|DictKeys|List|Float)Objects? ", line)
        if m:
            kinds[m.group(2)] = int(m.group(1))
    # a keys table is 120 bytes traced, a dict 64 (3.11-3.13): the first
    # dict made with a keys table the free list did not give
    incs = list(map(int, r.stdout.split()))
    keys = next(i for i, x in enumerate(incs) if x >= 120)
    return [kinds["Dict"], keys, kinds["List"], kinds["Float"]] + tuples


def row(v):
    return "{%d, %d, %d, %d, {%s}}" % (v[0], v[1], v[2], v[3], ", ".join(map(str, v[4:])))


def main():
    text = open(sys.argv[1]).read()
    text = "\n".join(l for l in text.splitlines() if not l.startswith("#"))
    paras = [p.strip("\n") for p in re.split(r"\n\s*\n", text) if p.strip()]
    base, variants = paras[0], paras[1:]
    for ver in sys.argv[2:] or VERSIONS:
        b = stock(ver, base)
        got = [stock(ver, base + "\n" + v) for v in variants]
        lo = [min(g[i] for g in got) for i in range(len(b))]
        hi = [max(g[i] for g in got) for i in range(len(b))]
        print(ver, "base", row(b))
        print(ver, "lo  ", row(lo))
        print(ver, "hi  ", row(hi))


if __name__ == "__main__":
    main()
