# Who holds a class: its name, its __mro__, its descriptors, its subclasses, its instances.
import sys


class Animal:
    def speak(self):
        return "..."


print("a new class:", sys.getrefcount(Animal))


class Dog(Animal):
    def speak(self):
        return "woof"


print("with a subclass:", sys.getrefcount(Animal), sys.getrefcount(Dog))
pets = [Dog(), Dog(), Animal()]
print("with instances:", sys.getrefcount(Animal), sys.getrefcount(Dog))
d = pets[0]
print("instance:", sys.getrefcount(d))
m = d.speak
print("bound method holds it:", sys.getrefcount(d), m())
del m
print(sys.getrefcount(d))


class Slotted:
    __slots__ = ("a", "b", "c")


print("three member descriptors:", sys.getrefcount(Slotted))


class Nothing:
    __slots__ = ()


print("no descriptors:", sys.getrefcount(Nothing))
del pets, d
print("instances gone:", sys.getrefcount(Animal), sys.getrefcount(Dog))
print(sys.getrefcount(Animal.speak))
