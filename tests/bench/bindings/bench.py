"""Per-call cost of add(int, int) through each binding path (chapter 4).

Run through tests/bench/bindings/run.sh, which builds the pieces first.
Each path is timed with timeit: CALLS calls per run, RUNS runs, and the
fastest run is reported, as in the chapter's table.  Paths whose tools are
not installed are reported as skipped, never guessed.
"""
import ctypes
import os
import platform
import sys
import timeit

CALLS = int(os.environ.get("CALLS", "1000000"))
RUNS = int(os.environ.get("RUNS", "9"))
here = os.path.abspath(os.path.dirname(sys.argv[0]) if len(sys.argv) < 2 else sys.argv[1])
sys.path.insert(0, here)


def py_add(a, b):
    return a + b


paths = [("pure Python def", py_add)]

import addext  # noqa: E402  (built by run.sh)
paths.insert(0, ("C extension, METH_FASTCALL", addext.add))

lib = os.path.join(here, "libadd.so")
loose = ctypes.CDLL(lib).add
typed = ctypes.CDLL(lib).add
typed.argtypes = (ctypes.c_int, ctypes.c_int)
typed.restype = ctypes.c_int

skipped = []
try:
    import cffi
    import _add_cffi
    abi = cffi.FFI()
    abi.cdef("int add(int a, int b);")
    paths.append(("CFFI API mode", _add_cffi.lib.add))
    paths.append(("CFFI ABI mode", abi.dlopen(lib).add))
except ImportError as e:
    skipped.append(("CFFI", str(e)))
for name in ("add_cython", "add_pybind11"):
    try:
        mod = __import__(name)
        paths.append((name.replace("add_", "") + " binding", mod.add))
    except ImportError:
        skipped.append((name.replace("add_", ""), "module not built (tool not installed)"))
paths.append(("ctypes, no argtypes", loose))
paths.append(("ctypes, argtypes and restype", typed))

print("# CPython %s on %s, %d calls x %d runs, fastest run" % (
    platform.python_version(), platform.machine(), CALLS, RUNS))
for label, fn in paths:
    assert fn(2, 3) == 5, label
    best = min(timeit.repeat("f(1, 2)", globals={"f": fn}, number=CALLS, repeat=RUNS))
    print("%-32s %7.1f ns/call" % (label, best / CALLS * 1e9))
for label, why in skipped:
    print("%-32s skipped: %s" % (label, why))
