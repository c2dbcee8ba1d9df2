# Instance, class and base class: which __dict__ holds what.
class Animal:
    sound = "..."
    legs = 4

    def speak(self):
        return self.sound


class Bird(Animal):
    __slots__ = ("wingspan",)
    sound = "tweet"
    legs = 2


class Dog(Animal):
    sound = "woof"

    def fetch(self):
        self.tired = True


for cls in (Animal, Bird, Dog):
    print(cls.__name__, [k for k in cls.__dict__ if k not in ("speak", "fetch")])
print(Bird.__dict__["wingspan"], Bird.__dict__.get("speak"))
print("speak" in Dog.__dict__, "speak" in Animal.__dict__, "legs" in Dog.__dict__)
print(Animal.__dict__["__dict__"], Animal.__dict__["__weakref__"])
print(str(Bird.__dict__).replace("'", "")[:60])
print(repr(Bird.__dict__)[:40])
keys = Dog.__dict__.keys()
print(type(keys).__name__, len(keys), list(reversed(Dog.__dict__))[:2])
print(Dog.__dict__.copy() == dict(Dog.__dict__), type(Dog.__dict__.copy()).__name__)
