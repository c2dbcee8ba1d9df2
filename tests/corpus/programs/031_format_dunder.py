class Money:
    def __init__(self, cents, currency="EUR"):
        self.cents = cents
        self.currency = currency

    def __str__(self):
        return f"{self.cents / 100:.2f} {self.currency}"

    def __repr__(self):
        return f"Money({self.cents!r}, {self.currency!r})"

    def __format__(self, spec):
        if spec == "short":
            return f"{self.cents // 100}{self.currency[0]}"
        if spec:
            return format(str(self), spec)
        return str(self)


m = Money(12345)
print(m)
print(repr(m))
print(f"{m}")
print(f"{m:short}")
print(f"[{m:>15}]")
print("{!r} / {}".format(m, m))
print([m])
print(str([m]), f"{m!s:*<14}")
