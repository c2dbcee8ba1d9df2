# __format__, __str__ and __repr__: which one f-strings, format() and str.format call.
import sys
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __format__(self, spec):
        if spec == "short":
            return str(self.cents // 100)
        return format(self.cents / 100, spec or ".2f")
    def __str__(self):
        return "$" + format(self, ".2f")
    def __repr__(self):
        return "Money(" + str(self.cents) + ")"
m = Money(12345)
print(f"{m}", f"{m:short}", f"{m:>10.1f}", str(m), repr(m), [m])
print("{} {:short} {!r}".format(m, m, m))
print(format(m, ".3f"))
class Plain:
    def __str__(self):
        return "plain"
p = Plain()
print(f"{p}", format(p), "{}".format(p))
try:
    print(f"{p:>10}")
except TypeError as e:
    print("TypeError:", e)
class Count:
    def __str__(self):
        return str(sys.getrefcount(self))
c = Count()
print(str(c), f"{c}", "{}".format(c))
class Bad:
    def __format__(self, spec):
        return 42
try:
    f"{Bad()}"
except TypeError as e:
    print("TypeError:", e)
