# Instance attributes go through a cache per instruction (vm_attr_cache.c):
# each hit must still see the instance, its class and the bases as they are.
import sys


class Base:
    pass


class Point(Base):
    def __init__(self, x):
        self.x = x


def read(p):
    return p.x              # the one LOAD_ATTR instruction every step uses


def write(p, v):
    p.x = v                 # the one STORE_ATTR instruction


p = Point(1)
q = Point(2)
seen = []
for step in range(8):
    if step == 2:
        Point.x = property(lambda self: "prop")       # a data descriptor now wins
    if step == 3:
        del Point.x
    if step == 4:
        Base.x = property(lambda self: "base prop")   # in a base, along the __mro__
    if step == 5:
        del Base.x
    if step == 6:
        del p.x
        p.y = 0
        p.x = 7                                        # another entry now
    seen.append(read(p))
    seen.append(read(q))
print(seen)

for v in range(3):
    write(q, v * 10)
Point.x = property(lambda self: "ro")                  # a store now goes to the property
try:
    write(q, 99)
except AttributeError:
    print("AttributeError")
del Point.x
write(q, 5)
print(read(q))


class Other:
    def __init__(self):
        self.x = "other"


print(read(Other()))
r = Point(3)
r.__dict__                                             # the instance has a dict now
write(r, 4)
print(read(r), r.__dict__)

value = object()
holder = Point(value)
before = sys.getrefcount(value)
for i in range(3):
    read(holder)
    write(holder, value)
print(sys.getrefcount(value) - before)
