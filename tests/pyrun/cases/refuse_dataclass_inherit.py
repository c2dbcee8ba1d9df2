# A dataclass whose base is a dataclass: its fields come after the base's
# in CPython; the model makes only a class's own fields, so it refuses.
from dataclasses import dataclass


@dataclass
class Animal:
    name: str


@dataclass
class Dog(Animal):
    breed: str


print(Animal("rex"))
