import sys
class K:
    pass
k = K()
holders = []
i = 0
while i < 5:
    holders.append(k)
    i = i + 1
print(sys.getrefcount(k))
del holders[0]
print(sys.getrefcount(k))
del holders[1]
print(sys.getrefcount(k))
holders.pop()
print(sys.getrefcount(k))
holders = None
print(sys.getrefcount(k))
d = {"x": k}
del d["x"]
print(sys.getrefcount(k))
print(len(d))
