# Prints, as JSON, what this interpreter's compile() says of each source of parser_cases.py.
import sys, warnings, json
warnings.simplefilter("ignore")
import os; exec(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'parser_cases.py')).read())
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
