# What a callable says about itself: the names decorators, loggers and
# debugging helpers read (__name__, __qualname__, __module__, __self__).
import sys


def describe(fn):
    return f"{fn.__name__} / {fn.__qualname__}"


class Cart:
    def __init__(self):
        self.items = []

    def add(self, item):
        self.items.append(item)

    def __repr__(self):
        return f"Cart({self.items})"


cart = Cart()
items = cart.items
print(describe(len), describe(items.append), describe(cart.add), describe(Cart.add))
print(len.__module__, items.append.__module__, cart.add.__module__, Cart.add.__module__)
print(items.append.__self__ is items, cart.add.__self__ is cart, cart.add.__func__ is Cart.add)
print(True.bit_length.__qualname__, frozenset().union.__qualname__, dict.fromkeys.__qualname__)
print(dict.fromkeys.__self__ is dict, {}.fromkeys.__self__ is dict)
print(list.append.__qualname__, list.append.__objclass__, list.__len__.__objclass__)
print(items.__len__.__qualname__, items.__len__.__self__ is items, items.__str__.__qualname__)
print(items.__str__.__objclass__, (1).__add__.__qualname__, int.__add__.__name__)
print(sys.getrefcount(items))
method = items.append
print(sys.getrefcount(items), method.__name__)
del method
print(sys.getrefcount(items))
print(cart.__repr__.__name__, cart.__repr__.__qualname__, cart.__repr__.__doc__, cart.__repr__.__defaults__)
print(cart.__class__.__name__, items.__class__, (1.5).__class__, None.__class__, len.__class__)
print(cart.__class__ is Cart, type(cart) is cart.__class__, items.__class__ is list)
try:
    cart.add.colour
except AttributeError as e:
    print(e)
