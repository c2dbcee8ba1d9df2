# Subclasses of built-in types that add protocols: a list that is its own
# iterator, a callable dict registry, a float with its own __round__, a
# dict used as a context manager.
import sys


class Countdown(list):
    def __iter__(self):
        return self

    def __next__(self):
        if not self:
            raise StopIteration
        return self.pop()


c = Countdown([1, 2, 3])
for x in c:
    print(x, end=" ")
print(len(c), sys.getsizeof(c))
print(list(Countdown("abc")), next(Countdown([9]), "none"), next(Countdown(), "none"))


class Registry(dict):
    def __call__(self, name):
        def deco(fn):
            self[name] = fn
            return fn
        return deco


handlers = Registry()


@handlers("greet")
def greet(who):
    return f"hello {who}"


print(callable(handlers), list(handlers), handlers["greet"]("ada"), sys.getsizeof(handlers))


class Celsius(float):
    def __round__(self, ndigits=None):
        return Celsius(float.__round__(self, ndigits))

    def __repr__(self):
        return f"{float(self):.1f}C"


t = Celsius(21.456)
print(round(t), round(t, 1), type(round(t, 2)).__name__, sys.getsizeof(t))


class Session(dict):
    def __enter__(self):
        self["open"] = True
        return self

    def __exit__(self, exc_type, exc, tb):
        self["open"] = False
        return exc_type is KeyError


with Session() as s:
    print(s)
    s["missing"]
print(s, sys.getrefcount(s))


class Tag(str):
    def __call__(self, text):
        return f"<{self}>{text}</{self}>"


b = Tag("b")
print(b("bold"), b.upper(), len(b), callable(b), sys.getsizeof(b))
