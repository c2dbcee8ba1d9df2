class Multiplier:
    def __init__(self, factor):
        self.factor = factor
        self.calls = 0

    def __call__(self, value):
        self.calls += 1
        return value * self.factor


triple = Multiplier(3)
print(triple(5), triple(7))
print(triple.calls, callable(triple))
print(list(map(triple, [1, 2, 3])))
print(triple.calls)


class Accumulator:
    def __init__(self):
        self.total = 0

    def __call__(self, *numbers, **named):
        self.total += sum(numbers) + sum(named.values())
        return self.total


acc = Accumulator()
acc(1, 2)
acc(x=10)
print(acc(3, y=4))
print(sorted([-3, 1, -2], key=Multiplier(-1)))
