import json
data = {"name": "Ann", "age": 30, "langs": ["py", "c"], "ok": True, "x": None, "pi": 3.14}
s = json.dumps(data)
print(s)
print(json.dumps(data, indent=2, sort_keys=True))
back = json.loads(s)
print(back == data, back["langs"], type(back["age"]))
print(json.loads('[1, 2.5, "x", null, true, {"a": {}}]'))
print(json.dumps([1, "é", (1, 2)]), json.dumps("é", ensure_ascii=False))
try:
    json.loads("{bad}")
except json.JSONDecodeError as e:
    print("bad json:", e.msg, e.pos)
print(json.dumps({"b": 1, "a": [1, 2]}, separators=(",", ":")))
