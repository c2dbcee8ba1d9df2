# What goes wrong with class keywords: object's __init_subclass__ takes
# none, a hook that does not know the keyword, a keyword given twice.
class Base:
    pass

try:
    class Child(Base, colour="red"):
        pass
except TypeError as e:
    print("1:", e)

class Strict:
    def __init_subclass__(cls, *, size):
        cls.size = size

try:
    class Small(Strict, size=1, weight=2):
        pass
except TypeError as e:
    print("2:", e)

try:
    class NoSize(Strict):
        pass
except TypeError as e:
    print("3:", e)

class Ok(Strict, size=10):
    pass
print(Ok.size, Strict.__dict__.get("size"))

class Passing:
    def __init_subclass__(cls, **kw):
        print("passing on", kw)
        super().__init_subclass__(**kw)

try:
    class Leaf(Passing, tag="x"):
        pass
except TypeError as e:
    print("4:", e)

extra = {"size": 3}
try:
    class Twice(Strict, size=2, **extra):
        pass
except TypeError as e:
    print("5:", e)
