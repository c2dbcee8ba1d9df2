a = [1]
a.append(a)
print(a)
d = {"me": 0}
d["me"] = d
print(d)
b = [a, a]
print(len(b), len(a))
