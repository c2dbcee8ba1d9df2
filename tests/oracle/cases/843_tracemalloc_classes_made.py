# Classes made while tracemalloc traces: type_new copies the namespace twice
# (the type's dict, the names for __set_name__), both clones of its keys.
import gc
import tracemalloc

gc.collect()
tracemalloc.start()
m = tracemalloc.get_traced_memory
a = m()[0]
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
b = m()[0]
print("Point", b - a)
class Money:
    currency = "EUR"
    def __init__(self, cents):
        self.cents = cents
    def __eq__(self, other):
        return self.cents == other.cents
b2 = m()[0]
print("Money", b2 - b)
class Slotted:
    __slots__ = ("a", "b", "c")
    def total(self):
        return self.a + self.b + self.c
b3 = m()[0]
print("Slotted", b3 - b2)
class Base:
    def hello(self):
        return "base"
class Child(Base):
    def hello(self):
        return super().hello() + "!"
b4 = m()[0]
print("Base+Child", b4 - b3)
class Big:
    a1 = 1; a2 = 2; a3 = 3; a4 = 4; a5 = 5; a6 = 6; a7 = 7; a8 = 8; a9 = 9; a10 = 10
    def m1(self): pass
    def m2(self): pass
    def m3(self): pass
    def m4(self): pass
    def m5(self): pass
    def m6(self): pass
b5 = m()[0]
print("Big", b5 - b4)
class Registry:
    items = []
    def __init_subclass__(cls, **kw):
        Registry.items.append(cls.__name__)
class Plugin(Registry):
    pass
b6 = m()[0]
print("Registry+Plugin", b6 - b5, Registry.items)
class Empty: pass
b7 = m()[0]
print("Empty", b7 - b6)
p = Point(1, 2)
print(repr(p), m())
