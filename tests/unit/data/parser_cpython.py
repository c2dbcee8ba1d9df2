import sys, warnings, json
warnings.simplefilter("ignore")
exec(open('/tmp/pp/cases.py').read())
res = {}
for i, src in enumerate(INVALID + VALID):
    try:
        compile(src, 'x', 'exec', dont_inherit=True)
        res[i] = None
    except SyntaxError as e:
        res[i] = [type(e).__name__, e.msg, e.lineno, e.offset]
    except Exception as e:
        res[i] = [type(e).__name__, str(e), 0, 0]
json.dump(res, sys.stdout)
