class Money(float):
    def __format__(self, spec):
        return "$" + format(float(self), spec or ".2f")


total = Money(12.25)
print(f"Total: {total:>10.2f")
