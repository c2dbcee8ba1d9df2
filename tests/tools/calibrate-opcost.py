#!/usr/bin/env python3
"""What one bytecode instruction costs, in simulated time, per profile.

Times small statements in the real interpreters (3.11.7, 3.12.1, 3.13.0 under
pyenv, run as the oracle runs them: env -i PYTHONHASHSEED=0 python -S -s),
each repeated 10 times in the body of a loop inside a function, against the
same loop with `pass`; the difference per statement is the cost of the
instructions it compiles to, and subtracting what is already known gives one
instruction's cost (LOAD_FAST and STORE_FAST are taken as equal, the loop's
JUMP as one LOAD_FAST).  The best of REPEATS runs counts (the machine is
shared).  Instructions not measured here cost DEFAULT's; the model's own
markers (OP_LINE, OP_NOP) and 3.11+'s zero-cost try (SETUP_TRY, POP_TRY)
cost nothing.  Prints the C table app/pyrun/vm_opcost_table.h:

    python3 tests/tools/calibrate-opcost.py > app/pyrun/vm_opcost_table.h
"""
import os
import subprocess
import sys

VERSIONS = [("3.11", "3.11.7/bin/python3.11"), ("3.12", "3.12.1/bin/python3.12"),
            ("3.13", "3.13.0/bin/python3.13")]
N = 100000
REPEATS = 7

# name: (statement, the model's instructions it compiles to)
SNIPPETS = {
    "store_fast": ("a = b", "LOAD_FAST STORE_FAST"),
    "pop": ("b", "LOAD_FAST POP_TOP"),
    "const": ("a = 1", "LOAD_CONST STORE_FAST"),
    "binop": ("a = b + c", "LOAD_FAST LOAD_FAST BINARY_OP STORE_FAST"),
    "inplace": ("a += c", "LOAD_FAST LOAD_FAST INPLACE_OP STORE_FAST"),
    "compare": ("a = b < c", "LOAD_FAST LOAD_FAST COMPARE_OP STORE_FAST"),
    "unary": ("a = -b", "LOAD_FAST UNARY_OP STORE_FAST"),
    "global": ("a = G", "LOAD_GLOBAL STORE_FAST"),
    "attr": ("a = o.x", "LOAD_FAST LOAD_ATTR STORE_FAST"),
    "store_attr": ("o.x = b", "LOAD_FAST LOAD_FAST STORE_ATTR"),
    "subscr": ("a = l[0]", "LOAD_FAST LOAD_CONST BINARY_SUBSCR STORE_FAST"),
    "store_subscr": ("l[0] = b", "LOAD_FAST LOAD_FAST LOAD_CONST STORE_SUBSCR"),
    "call_py": ("f()", "LOAD_FAST PUSH_NULL CALL LOAD_CONST RETURN_VALUE POP_TOP"),
    "call_c": ("ln(l)", "LOAD_FAST PUSH_NULL LOAD_FAST CALL POP_TOP"),
    "method": ("t.count(b)", "LOAD_FAST LOAD_METHOD LOAD_FAST CALL POP_TOP"),
    "build_list": ("a = [b, c]", "LOAD_FAST LOAD_FAST BUILD_LIST STORE_FAST"),
    "build_tuple": ("a = (b, c)", "LOAD_FAST LOAD_FAST BUILD_TUPLE STORE_FAST"),
    "build_map": ("a = {b: c}", "LOAD_FAST LOAD_FAST BUILD_MAP STORE_FAST"),
    "format": ("a = f'{b}'", "LOAD_FAST FORMAT_VALUE STORE_FAST"),
    "jump_if": ("if b: pass", "LOAD_FAST POP_JUMP_IF_FALSE"),
    "unpack": ("a, d = t", "LOAD_FAST UNPACK_SEQUENCE STORE_FAST STORE_FAST"),
    "iter": ("for x in e: pass", "LOAD_FAST GET_ITER FOR_ITER"),
    "makefunc": ("def g(): pass", "LOAD_CONST MAKE_FUNCTION STORE_FAST"),
}

PROBE = r'''
import time
G = 1
class O: pass
def f(): pass
def run(body):
    src = "def bench(r, b, c, o, l, f, ln, t, e):\n    a = 0\n    for _ in r:\n"
    src += "".join("        " + body + "\n" for _ in range(10))
    ns = {"G": G}
    exec(src, ns)
    o = O(); o.x = 1
    best = None
    for _ in range(%(repeats)d):
        t0 = time.perf_counter_ns()
        ns["bench"](range(%(n)d), 7, 3, o, [1, 2], f, len, (1, 2), ())
        dt = time.perf_counter_ns() - t0
        best = dt if best is None or dt < best else best
    return best / %(n)d
base = run("pass")
print("base", base)
for line in SNIPPETS:
    name, stmt = line.split("|", 1)
    print(name, run(stmt) - base)
'''


def measure(python):
    probe = PROBE % {"repeats": REPEATS, "n": N}
    lines = "\n".join(f"{k}|{v[0]}" for k, v in SNIPPETS.items())
    code = f"SNIPPETS = {lines.splitlines()!r}\n" + probe
    out = subprocess.run(["env", "-i", "PYTHONHASHSEED=0", python, "-S", "-s", "-c", code],
                         capture_output=True, text=True, check=True).stdout
    got = {}
    for ln in out.splitlines():
        k, v = ln.split()
        got[k] = float(v)
    return got


def solve(got):
    """ns per instruction from the snippets' ns per statement (10 per turn)."""
    per = {k: v / 10 for k, v in got.items() if k != "base"}
    cost = {}
    lf = max(per["store_fast"] / 2, 0.05)
    cost["LOAD_FAST"] = cost["STORE_FAST"] = lf
    # the loop turn: FOR_ITER, STORE_FAST (the target), JUMP (taken as a LOAD_FAST)
    cost["JUMP"] = lf
    cost["FOR_ITER"] = max(got["base"] - 2 * lf, lf)
    for name in ["pop", "const", "global", "binop", "inplace", "compare", "unary", "attr",
                 "store_attr", "subscr", "store_subscr", "build_list", "build_tuple",
                 "build_map", "format", "jump_if", "unpack", "makefunc", "call_c", "method",
                 "iter", "call_py"]:
        ops = SNIPPETS[name][1].split()
        unknown = [o for o in ops if o not in cost]
        known = sum(cost[o] for o in ops if o in cost)
        rest = max(per[name] - known, 0.05 * len(unknown)) if unknown else 0
        for o in unknown:
            cost[o] = rest / len(unknown)
    return cost


def main():
    root = subprocess.run(["pyenv", "root"], capture_output=True, text=True, check=True).stdout.strip()
    tables, raw = [], []
    for ver, rel in VERSIONS:
        got = measure(os.path.join(root, "versions", rel))
        raw.append((ver, got))
        tables.append(solve(got))
    names = sorted(set().union(*tables))
    default = [sorted(t.values())[len(t) // 2] for t in tables]  # the median instruction
    w = sys.stdout.write
    w("/* Generated by tests/tools/calibrate-opcost.py on this machine; redo with\n"
      " *   python3 tests/tools/calibrate-opcost.py > app/pyrun/vm_opcost_table.h\n"
      " * What one instruction costs in simulated time (picoseconds), per profile\n"
      " * (3.11, 3.12, 3.13), from the real interpreters' timings of small statements.\n"
      " * Measured, ns per statement above the bare loop (the loop turn itself: base):\n")
    for ver, got in raw:
        items = " ".join(f"{k}={v / 10 if k != 'base' else v:.2f}" for k, v in got.items())
        while items:
            cut = items[:70].rfind(" ") if len(items) > 70 else len(items)
            w(f" *   {ver}: {items[:cut]}\n" if ver else "")
            items, ver = items[cut:].strip(), "    "
    w(" */\n")
    w("#define VM_OPCOST_DEFAULT {%s}\n" % ", ".join(str(round(d * 1000)) for d in default))
    w("#define VM_OPCOST_MEASURED \\\n")
    for n in names:
        vals = ", ".join(str(max(1, round(t[n] * 1000))) for t in tables)
        w(f"    X(OP_{n}, {vals}) \\\n")
    w("\n")


if __name__ == "__main__":
    main()
