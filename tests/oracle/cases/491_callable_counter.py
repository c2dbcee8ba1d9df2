# A callable object: an instance whose class defines __call__.
import sys


class Counter:
    def __init__(self):
        self.calls = 0

    def __call__(self, step=1):
        self.calls += step
        return self.calls


count = Counter()
print(count(), count(), count(10), count(step=2))
print(callable(count), callable(Counter), callable(Counter()), callable(3), callable(len))


class Multiplier:
    def __init__(self, factor):
        self.factor = factor

    def __call__(self, x):
        return x * self.factor


double = Multiplier(2)
print([double(i) for i in range(5)])
print(sorted([5, -3, 1], key=Multiplier(-1)))


class Plain:
    pass


try:
    Plain()()
except TypeError as e:
    print("TypeError:", e)


class Spy:
    def __call__(self):
        return sys.getrefcount(self)


spy = Spy()
print("refs during the call:", spy())
print("refs after:", sys.getrefcount(spy))


class Adder:
    def __call__(self, *args, **kw):
        return sum(args) + sum(kw.values())


print(Adder()(1, 2, 3, x=4))
