# Writes COUNT copies of random standard-library files, each with one random edit
# (a line or a character dropped, a character doubled, a token inserted), and
# prints "PATH<TAB>verdict" with this interpreter's compile() verdict for each.
# Usage: pythonX.Y mutate.py FILE_LIST SEED OUTDIR COUNT > verdicts.tsv
import random, sys, os, warnings
warnings.simplefilter("ignore")
random.seed(int(sys.argv[2]))
files = open(sys.argv[1]).read().split()
out = sys.argv[3]
os.makedirs(out, exist_ok=True)
verdict = {}
n = 0
while n < int(sys.argv[4]):
    f = random.choice(files)
    src = open(f, 'rb').read()
    if len(src) > 60000 or len(src) < 50: continue
    try: text = src.decode('utf-8')
    except: continue
    lines = text.split('\n')
    k = random.randrange(4)
    i = random.randrange(len(lines))
    if k == 0:   # drop a line
        del lines[i]
    elif k == 1: # drop a char
        L = lines[i]
        if not L: continue
        j = random.randrange(len(L)); lines[i] = L[:j] + L[j+1:]
    elif k == 2: # duplicate a char
        L = lines[i]
        if not L: continue
        j = random.randrange(len(L)); lines[i] = L[:j] + L[j] + L[j:]
    else:        # insert a token
        L = lines[i]; j = random.randrange(len(L)+1)
        lines[i] = L[:j] + random.choice(['(', ')', ':', ',', ' = ', '*', '**', 'lambda', ' if ', '"', "'", '\\', '@', 'yield', 'await ', '[', ']', '{', '}', ' not ', 'f"{', '.', ';']) + L[j:]
    t = '\n'.join(lines)
    p = os.path.join(out, f'm{n:05d}.py')
    open(p, 'w').write(t)
    try:
        compile(t.encode(), p, 'exec', dont_inherit=True)
        verdict[p] = 'OK'
    except SyntaxError as e:
        verdict[p] = f'{type(e).__name__}: {e.msg} @{e.lineno}'
    except Exception as e:
        verdict[p] = f'{type(e).__name__}: {e}'
    n += 1
for p, v in verdict.items():
    print(p + '\t' + v)
