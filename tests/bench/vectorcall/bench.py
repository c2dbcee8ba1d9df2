"""Chapter 4: the cost of a call under four calling conventions.

Times 200,000 calls of each, 31 times, and prints the fastest run in
ns per call: many short runs, so that on a shared machine some of them run
undisturbed (the same idea as tests/bench/bindings/bench.py).
"""
import sys
import timeit

sys.path.insert(0, sys.argv[1])
import callconv  # noqa: E402

N, REPEAT = 200_000, 31
cases = [
    ("function, METH_VARARGS (tuple)", callconv.add_varargs),
    ("function, METH_FASTCALL (array)", callconv.add_fastcall),
    ("instance, tp_call only (tuple)", callconv.TupleAdder()),
    ("instance, vectorcall (array)", callconv.VectorAdder()),
]
print(f"Python {sys.version.split()[0]}, {N:,} calls x {REPEAT}, fastest run")
for name, f in cases:
    assert f(2, 3) == 5
    t = min(timeit.repeat("f(2, 3)", globals={"f": f}, number=N, repeat=REPEAT))
    print(f"{name:34s} {t / N * 1e9:6.1f} ns per call")
