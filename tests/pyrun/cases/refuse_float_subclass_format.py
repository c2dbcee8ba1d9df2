class Celsius(float):
    def __format__(self, spec):
        return format(float(self), spec) + " C"


print(f"{Celsius(21.5):.1f}")
