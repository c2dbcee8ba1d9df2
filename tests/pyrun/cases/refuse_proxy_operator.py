# CPython's proxies forward operators to the object; the model does not:
# refused rather than a TypeError CPython would not raise.
import weakref


class Money:
    def __init__(self, amount):
        self.amount = amount

    def __add__(self, other):
        return Money(self.amount + other.amount)


wallet = Money(5)
p = weakref.proxy(wallet)
print(p.amount)
total = p + wallet
print(total.amount)
