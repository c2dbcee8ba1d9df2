# What json says about bad input and about objects it cannot write.
import json

for bad in ['', '{"a": 1,}', "{'a': 1}", '[1, 2', '{"a" 1}', '[1 2]', '{"x": tru}', '"abc', '[1]x',
            '{"a": 1}\n{"b": 2}', 'nul', '"tab\there"', '"bad \\q"']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(repr(bad), "->", e, "|", e.msg, e.pos, e.lineno, e.colno)
try:
    json.loads('{\n  "name": "x",\n  "size": \n}')
except ValueError as e:
    print(type(e).__name__, e)
for obj in [{1, 2}, {"k": b"bytes"}, {(1, 2): 3}, object]:
    try:
        json.dumps(obj)
    except TypeError as e:
        print("TypeError:", e)
loop = []
loop.append(loop)
try:
    json.dumps(loop)
except ValueError as e:
    print("ValueError:", e)
print(json.dumps({(1, 2): 3, "ok": 1}, skipkeys=True))
print(json.dumps({"s": {3, 1, 2}}, default=sorted))
try:
    json.dumps([float("nan")], allow_nan=False)
except ValueError as e:
    print("ValueError:", str(e).split(":")[0])
print(isinstance(json.JSONDecodeError("m", "d", 0), ValueError))
