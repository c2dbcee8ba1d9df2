# Cooperative __init__ with keyword arguments passed along the MRO.
import sys


class Shape:
    def __init__(self, **kw):
        self.extra = kw
        super().__init__()


class Colored(Shape):
    def __init__(self, color="black", **kw):
        self.color = color
        super().__init__(**kw)


class Named(Shape):
    def __init__(self, name="?", **kw):
        self.name = name
        super().__init__(**kw)


class Label(Colored, Named):
    def __init__(self, text, **kw):
        self.text = text
        super().__init__(**kw)


lab = Label("hello", color="red", name="greeting", size=3)
print(lab.text, lab.color, lab.name, lab.extra)
print([k.__name__ for k in Label.__mro__])
print(sorted(lab.__dict__))
print(sys.getsizeof(lab), sys.getrefcount(lab))
plain = Label("x")
print(plain.color, plain.name, plain.extra)
