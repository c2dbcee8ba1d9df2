# A dict or set that changes size under a for loop raises, as in CPython.
d = {"a": 1, "b": 2}
try:
    for k in d:
        d[k + k] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
print(len(d))
s = {1, 2, 3}
try:
    for v in s:
        s.add(v * 10)
except RuntimeError as e:
    print("RuntimeError:", e)
d = {"a": 1, "b": 2, "c": 3}
try:
    for k in list(d):
        del d[k]
    print("deleting over a copy is fine:", d)
    d = {"a": 1, "b": 2, "c": 3}
    for k in d:
        del d[k]
except RuntimeError as e:
    print("RuntimeError:", e)
d = {"a": 1, "b": 2}
try:
    for k in d:
        if k == "a":
            del d["b"]
            d["z"] = 26
except RuntimeError as e:
    print("RuntimeError:", e)
it = iter({"x": 1})
d2 = {"k": 0}
it2 = iter(d2.items())
d2["j"] = 1
try:
    next(it2)
except RuntimeError as e:
    print("next:", e)
d = {"a": 1, "b": 2}
try:
    for k in d:
        if k == "a":
            del d["a"]
            d["c"] = 3
        print("saw", k)
except RuntimeError as e:
    print("RuntimeError:", e)
