#!/usr/bin/env python3
"""sweep-resume.py FILE VER [PYDIVE]: sweep.py statement by statement.

Where sweep.py stops a snippet at its first refusal, this compares each
top-level statement's output (markers between them) with CPython VER's, and
after a refusal drops the refused statement alone and runs the program
again, so one refusal does not hide the differences after it. Prints each
DIFF with both outputs, then the count and the refusals by reason.

    tests/tools/sweep-resume.py tests/tools/sweeps/operators.txt 3.12 ./pydive
"""
import subprocess, sys, re
root = subprocess.check_output(["pyenv","root"],text=True).strip()
vers = {"3.11":"3.11.7","3.12":"3.12.1","3.13":"3.13.0"}
ver = sys.argv[2]
pyd = sys.argv[3] if len(sys.argv) > 3 else "./pydive"
import tempfile, os
work = tempfile.mkdtemp(prefix="sweep-resume.")
path = os.path.join(work, "r.py")
snips = open(sys.argv[1]).read().split("\n----\n")
diffs = 0; refusals = {}
for si, snip in enumerate(snips):
    # statements: blocks starting at column 0
    blocks, cur = [], []
    for l in snip.split("\n"):
        if l and not l[0].isspace() and not l.startswith(("except", "else", "finally", "elif")) and cur and not cur[-1].startswith("@"):
            blocks.append("\n".join(cur)); cur = []
        cur.append(l)
    if cur: blocks.append("\n".join(cur))
    pre = [b for b in blocks if b.startswith(("import", "def ", "class ", "@"))]
    body = [b for b in blocks if b not in pre]
    skip = 0
    while body:
        src = "\n".join(pre + [f"print('@@{i}')\n" + b for i, b in enumerate(body)]) + "\n"
        open(path, "w").write(src)
        c = subprocess.run(["env","-i","PYTHONHASHSEED=0",f"{root}/versions/{vers[ver]}/bin/python{ver}","-S","-s",path],capture_output=True,text=True)
        p = subprocess.run([pyd,"run","--python",ver,path],capture_output=True,text=True)
        def blk(t):
            d, k = {}, None
            for l in t.splitlines():
                if l.startswith("@@"): k = int(l[2:]); d[k] = []
                elif k is not None: d[k].append(l)
            return d
        cb, pb = blk(c.stdout), blk(p.stdout)
        m = re.search(r"pydive: line (\d+): (.*)", p.stderr)
        last = max(pb) if pb else -1
        for k in sorted(pb):
            if m and k == last: break
            if k < skip: continue  # compared in an earlier run
            if cb.get(k) != pb[k]:
                diffs += 1
                print(f"[{si}] DIFF", body[k].split("\n")[1].strip() if "\n" in body[k] else body[k], "\n   cpy:", cb.get(k), "\n   sim:", pb[k])
        if m:
            why = m.group(2)
            refusals[why] = refusals.get(why, 0) + 1
            if "failed it without" in why: print(f"[{si}] SILENT", body[last].replace(chr(10), " ")[:200] if last >= 0 else "?")
            body = body[:last] + body[last + 1:] if last >= 0 else body[1:]
            skip = last
        else:
            if p.returncode not in (0,) and not m:
                print(f"[{si}] model exit {p.returncode}:", p.stderr[:300])
            break
print("DIFFS", diffs)
for w, n in sorted(refusals.items(), key=lambda x: -x[1])[:40]:
    print(n, w[:160])
