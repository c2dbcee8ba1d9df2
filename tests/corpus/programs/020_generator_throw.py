class Reset(Exception):
    pass


def counter():
    n = 0
    while True:
        try:
            yield n
            n += 1
        except Reset:
            print("reset!")
            n = 0


c = counter()
print([next(c) for _ in range(4)])
print(c.throw(Reset))
print(next(c), next(c))
try:
    c.throw(ValueError("bad value"))
except ValueError as e:
    print("propagated:", e)
print(list(c))
