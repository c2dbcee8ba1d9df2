class Counter:
    step = 1
    def __init__(self, start):
        self.value = start
    def bump(self):
        self.value = self.value + self.step
        return self
    def get(self):
        return self.value
c = Counter(10)
c.bump().bump()
print(c.get(), c.value, Counter.step, c.step)
c.step = 5
c.bump()
print(c.value, Counter.step)
Counter.step = 100
d = Counter(0)
d.bump()
print(d.value)
print(type(c) is Counter, isinstance(d, Counter), isinstance(d, object))
class Pair:
    def __init__(self, a, b):
        self.a = a
        self.b = b
    def swap(self):
        return Pair(self.b, self.a)
    def total(self):
        return self.a + self.b
p = Pair(1, 2).swap()
print(p.a, p.b, p.total())
del p.a
p.a = 7
print(p.total())
