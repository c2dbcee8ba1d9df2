# Compares CPython's verdicts (mutate.py's output) with `pydive run --check`'s
# stderr on the same files: false errors (valid Python rejected), missed errors
# (invalid Python accepted), and errors whose message or line differ.
# Usage: python3 compare.py verdicts.tsv pydive-stderr.txt [TOP [FILTER]]
import re, sys, collections
cp = dict(l.rstrip('\n').split('\t',1) for l in open(sys.argv[1]))
ours = {}
cur = None
for l in open(sys.argv[2], errors='replace').read().split('\n'):
    m = re.match(r'  File "([^"]+)", line (\d+)', l)
    if m: cur = (m.group(1), int(m.group(2))); continue
    m = re.match(r'^([A-Za-z]+Error): (.*)', l) or re.match(r'^([A-Za-z]+Error)$', l)
    if m and cur:
        ours[cur[0]] = (m.group(0), cur[1]); cur = None
false_err = [(p, ours[p]) for p in cp if cp[p] == 'OK' and p in ours]
missed = [(p, cp[p]) for p in cp if cp[p] != 'OK' and p not in ours]
diffmsg = [(p, cp[p], ours[p]) for p in cp if cp[p] != 'OK' and p in ours and (cp[p].split(' @')[0] != ours[p][0] or int(cp[p].split(' @')[1]) != ours[p][1])]
print('false errors', len(false_err)); [print(' ', x) for x in false_err[:10]]
print('missed errors', len(missed)); [print(' ', x) for x in missed[:8]]
print('different message/line', len(diffmsg), 'of', sum(1 for p in cp if cp[p] != 'OK'))
c = collections.Counter((a.split(' @')[0], b[0]) for _, a, b in diffmsg)
for k, v in c.most_common(int(sys.argv[3]) if len(sys.argv) > 3 else 12): print(v, k)
if len(sys.argv) > 4:
    for p, a, b in diffmsg:
        if sys.argv[4] in a: print(p, a, b)
