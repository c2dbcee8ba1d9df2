class Money(float):
    def __format__(self, spec):
        if spec.endswith("$"):
            return "$" + format(float(self), spec[:-1])
        return super().__format__(spec)


price = Money(9.99)
print(f"{price:.2f$}")
print(f"{price:%Q}")
