"""CPython side of the fragmentation benchmark: wall time of whole programs.

Runs each fragmentation program (tests/bench/s13_arena_hold.py and s14_arena_release.py,
copies of ../shared/oracle/) as a complete program with the same interpreter that runs this
script, the way the oracle runs cases:
    env -i PYTHONHASHSEED=0 <python> -S -s <program>
(stdout and stderr, which gets the sys._debugmallocstats() dumps, go to /dev/null).
The time of each run is time.perf_counter() around the child process, so it includes
interpreter start-up and exit, like timing `./pydive run <program>` does.  RUNS = 5 runs per
program (after one untimed warm-up run); the median is reported.

Usage:  python3 tests/bench/cpython_frag.py [RUNS] [program.py ...]

Output (stdout, one line per program, nothing else except the last line):
    cpython_frag_seconds <name> <median seconds, 6 decimals>
    ...
    cpython_version <X.Y.Z>
<name> is the program's file name without ".py" (e.g. s13_arena_hold).
"""
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT = ["s13_arena_hold.py", "s14_arena_release.py"]


def run_once(path):
    env = {"PYTHONHASHSEED": "0"}
    t0 = time.perf_counter()
    r = subprocess.run([sys.executable, "-S", "-s", path], env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    t1 = time.perf_counter()
    if r.returncode != 0:
        sys.exit("cpython_frag: %s exited with %d" % (path, r.returncode))
    return t1 - t0


def median(xs):
    s = sorted(xs)
    k = len(s) // 2
    return s[k] if len(s) % 2 else (s[k - 1] + s[k]) / 2


def main():
    args = sys.argv[1:]
    runs = 5
    if args and args[0].isdigit():
        runs = int(args.pop(0))
    progs = args or [os.path.join(HERE, p) for p in DEFAULT]
    for p in progs:
        run_once(p)  # warm-up: page cache, first exec
        times = [run_once(p) for _ in range(runs)]
        name = os.path.splitext(os.path.basename(p))[0]
        print("cpython_frag_seconds %s %.6f" % (name, median(times)))
    print("cpython_version %d.%d.%d" % sys.version_info[:3])


if __name__ == "__main__":
    main()
