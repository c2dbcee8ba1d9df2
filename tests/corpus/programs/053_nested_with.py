class Lock:
    def __init__(self, name):
        self.name = name
        self.held = False

    def __enter__(self):
        self.held = True
        print("acquire", self.name)
        return self

    def __exit__(self, *exc_info):
        self.held = False
        print("release", self.name, exc_info[0])
        return False


a, b = Lock("a"), Lock("b")
with a, b:
    print("both held:", a.held and b.held)
print("after:", a.held, b.held)

with (Lock("x") as x,
      Lock("y") as y):
    print("parenthesized", x.name, y.name)

try:
    with Lock("outer"), Lock("inner"):
        raise IndexError("oops")
except IndexError:
    print("IndexError handled outside")
