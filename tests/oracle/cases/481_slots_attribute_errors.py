# What a slotted instance refuses, with CPython's words.
import weakref


class Point:
    __slots__ = ("x", "y")


p = Point()
try:
    print(p.x)
except AttributeError as e:
    print("unset slot:", e)
p.x = 10
print(p.x)
try:
    p.z = 3
except AttributeError as e:
    print("new attribute:", e)
try:
    p.__dict__
except AttributeError as e:
    print("no dict:", e)
del p.x
try:
    del p.x
except AttributeError as e:
    print("delete twice:", e)
try:
    del p.z
except AttributeError as e:
    print("delete unknown:", e)
try:
    weakref.ref(p)
except TypeError as e:
    print("weakref:", e)
try:
    p.__weakref__
except AttributeError as e:
    print("no weakref slot:", e)
print(getattr(p, "y", "unset"), hasattr(p, "x"))
p.y = [1, 2]
print(p.y, getattr(p, "y"))
