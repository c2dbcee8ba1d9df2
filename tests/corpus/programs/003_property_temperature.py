class Temperature:
    """Celsius stored, Fahrenheit computed: the classic property example."""

    def __init__(self, celsius=0.0):
        self.celsius = celsius

    @property
    def celsius(self):
        return self._celsius

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("Temperature below absolute zero is not possible")
        self._celsius = value

    @property
    def fahrenheit(self):
        return self._celsius * 9 / 5 + 32

    @fahrenheit.setter
    def fahrenheit(self, value):
        self.celsius = (value - 32) * 5 / 9


t = Temperature(25)
print(t.celsius, t.fahrenheit)
t.fahrenheit = 212
print(t.celsius)
try:
    t.celsius = -300
except ValueError as err:
    print("error:", err)
print(type(Temperature.celsius).__name__)
print(sorted(vars(t)))
try:
    del t.fahrenheit
except AttributeError as err:
    print("AttributeError:", err)
