a = [1, 2]
print(str(a), len(str(a)))
print(str(1.5), str(None), str(True), str(-7))
print(str("abc"), ["abc"])
print(int("42") + 1, int(3.9), int(-3.9), int(True))
print(str(10 ** 30))
print(int("-17"), int("  8 "))
d = {"x": 1}
print(str(d))
t = (1, "a")
print(str(t))
print(type(1), type(1.5), type("s"), type(None), type(True))
print(type([]), type({}), type(()), type(b""), type(bytearray()))
class K:
    pass
print(type(K()) is K, isinstance(K(), K), isinstance(1, int), isinstance(True, int))
