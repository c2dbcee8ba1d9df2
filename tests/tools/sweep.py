#!/usr/bin/env python3
"""sweep.py FILE [PYDIVE]: a quick hunt for what the oracle has not pinned.

FILE holds Python snippets separated by lines '----' (tests/tools/sweeps/
has learner-style sets: programs, errors, sizes, refcounts, gc). Each runs
on CPython 3.11.7, 3.12.1 and 3.13.0 (the interpreter binaries, env -i,
PYTHONHASHSEED=0) and on pydive under the same profile; a line per snippet
and version that is not the same: 'refused' (an honest refusal, which must
have printed a prefix of CPython's stdout) or 'DIFF' with both outputs.
Ends with the counts. A DIFF is a bug to fix and then an oracle case.

    tests/tools/sweep.py tests/tools/sweeps/errors.txt ./pydive
"""
import os, re, shutil, subprocess, sys, tempfile
root = subprocess.check_output(["pyenv", "root"], text=True).strip()
vers = [("3.11", "3.11.7"), ("3.12", "3.12.1"), ("3.13", "3.13.0")]
src = open(sys.argv[1]).read().split("\n----\n")
pyd = sys.argv[2] if len(sys.argv) > 2 else "./pydive"
work = tempfile.mkdtemp(prefix="sweep.")
stats = {"same": 0, "refused": 0, "DIFF": 0}
for i, snip in enumerate(src):
    path = os.path.join(work, f"s{i}.py")
    open(path, "w").write(snip.strip() + "\n")
    for short, full in vers:
        c = subprocess.run(["env", "-i", "PYTHONHASHSEED=0", f"{root}/versions/{full}/bin/python{short}", "-S", "-s", path],
                           capture_output=True, text=True, timeout=20)
        p = subprocess.run([pyd, "run", "--python", short, path], capture_output=True, text=True, timeout=20)
        # an address in a repr ("<function f at 0x7f...>") is CPython's own
        # every run: compared as the same
        cout = re.sub(r"0x[0-9a-f]{6,}", "0x?", c.stdout + c.stderr)
        pout = re.sub(r"0x[0-9a-f]{6,}", "0x?", p.stdout + p.stderr)
        if "not modelled" in p.stderr or "not supported" in p.stderr:
            kind = "refused"
            # a refusal must still have printed a prefix of CPython's stdout
            if not c.stdout.startswith(p.stdout):
                kind = "DIFF"
        elif cout == pout:
            kind = "same"
        else:
            kind = "DIFF"
        stats[kind] += 1
        if kind != "same":
            first = snip.strip().splitlines()[-1][:70]
            print(f"[{i}] {short} {kind}: {first}")
            if kind == "DIFF":
                print("   cpython:", repr(cout[-300:]))
                print("   pydive: ", repr(pout[-300:]))
            else:
                print("   ", p.stderr.strip().splitlines()[-1][:150])
print(stats)
shutil.rmtree(work, ignore_errors=True)
