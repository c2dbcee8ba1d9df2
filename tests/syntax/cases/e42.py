class Money(float):
    def __format__(self, spec):
        return "$" + format(float(self), spec or ".2f")


price = Money(4.5)
print(f"{price!d}")
