class Celsius(float):
    def __round__(self, ndigits=None):
        return Celsius(float.__round__(self, ndigits or 0))


print(round(Celsius(21.5)))
