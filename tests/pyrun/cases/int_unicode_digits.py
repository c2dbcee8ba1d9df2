print(bytes("h\u00e9", "utf-8"), bytes("hi", "ascii"), int("5"))
try:
    int(x=1)
except TypeError as e:
    print(e)
try:
    list(iterable=[])
except TypeError as e:
    print(e)
try:
    bytes(1, "utf-8")
except TypeError as e:
    print(e)
print(int("ff", 16), int("\u0663"))
