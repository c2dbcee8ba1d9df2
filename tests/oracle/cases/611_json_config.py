# Saving and loading a configuration as JSON: a round trip of a nested
# dict, pretty printing with indent and sort_keys, compact separators, and
# what the loaded objects are.
import json
import sys

config = {
    "name": "pydive",
    "version": 3,
    "debug": False,
    "ratio": 0.75,
    "tags": ["memory", "gc", "refcount"],
    "owner": None,
    "limits": {"max_objects": 100000, "threshold": [700, 10, 10]},
    "pairs": ((1, 2), (3, 4)),
}
text = json.dumps(config)
print(text)
print(len(text), sys.getsizeof(text))
print(json.dumps(config, indent=2, sort_keys=True))
print(json.dumps(config["limits"], separators=(",", ":")))
print(json.dumps([1, [2, [3, {}]], []], indent=4))
print(json.dumps({"a": 1}, indent="\t"))
back = json.loads(text)
print(back == config, back["pairs"], type(back["pairs"]).__name__)
print(back["limits"]["threshold"], back["tags"][1], back["owner"], back["debug"])
print(sys.getsizeof(back), sys.getsizeof(back["tags"]), sys.getsizeof(back["limits"]))
rows = json.loads('[{"id": 1, "name": "a"}, {"id": 2, "name": "b"}, {"id": 3, "name": "c"}]')
print(list(rows[0]) == list(rows[2]), list(rows[1]))
keys = [list(r)[1] for r in rows]
print(keys[0] is keys[1], keys[0] is keys[2])
print(json.loads("  [1, 2.5, -3e2, 10000000000000000000000, true, null, \"x\\ny\"]  "))
print(json.dumps("naïve café ☕"), json.dumps("naïve café ☕", ensure_ascii=False))
print(json.dumps({1: "one", 2.5: "x", True: "t", None: "n"}))
print(json.dumps([float("inf"), float("nan"), -0.0, 1e100]))
print(json.loads('{"a": 1, "a": 2}'), json.loads('"\\u00e9\\ud83d\\ude00"'))
