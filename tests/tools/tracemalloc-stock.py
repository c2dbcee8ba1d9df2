#!/usr/bin/env python3
"""tracemalloc-stock.py [VERSION...]: how many new objects of each kind a
program that starts with `import tracemalloc` gets without tracemalloc
seeing them (they come from the free lists the import left), on CPython
and on pydive, as `kind=cpython/pydive`.  A difference is a wrong figure in
the import stock of app/pyrun/modules/tracemalloc.c.

    tests/tools/tracemalloc-stock.py 3.11 3.12 3.13

The objects are made one by one at a program's top level; a float is made
as float(i) + 0.5, whose temporary the specialising interpreters of 3.12+
reuse in place (so float's count differs there by design).
"""
import subprocess, sys, tempfile, os

root = subprocess.check_output(["pyenv", "root"], text=True).strip()
exe = {"3.11": "3.11.7/bin/python3.11", "3.12": "3.12.1/bin/python3.12", "3.13": "3.13.0/bin/python3.13"}
makers = {"dict": "{}", "keys": "{'a': i}", "list": "[]", "float": "float(i) + 0.5",
          "tuple1": "(i,)", "tuple2": "(i, 0)", "tuple3": "(i, 0, 0)", "tuple4": "(i, 0, 0, 0)",
          "tuple5": "(i, 0, 0, 0, 0)"}
path = os.path.join(tempfile.mkdtemp(prefix="stock."), "stock.py")


def traced(ver, what, n, pydive):
    with open(path, "w") as f:
        f.write(f"import tracemalloc\nxs = [None] * 100\ntracemalloc.start()\nfor i in range({n}):\n"
                f"    xs[i] = {makers[what]}\nprint(tracemalloc.get_traced_memory()[0])\n")
    cmd = ([pydive, "run", "--python", ver, path] if pydive else
           ["env", "-i", "PYTHONHASHSEED=0", f"{root}/versions/{exe[ver]}", "-S", "-s", path])
    return int(subprocess.run(cmd, capture_output=True, text=True).stdout.split()[-1])


def stock(ver, what, pydive=None):
    base = traced(ver, what, 0, pydive)
    for n in range(1, 40):
        if traced(ver, what, n, pydive) != base:
            return n - 1
    return 39


for ver in sys.argv[1:] or ["3.11", "3.12", "3.13"]:
    print(ver, " ".join(f"{w}={stock(ver, w)}/{stock(ver, w, './pydive')}" for w in makers))
