class Dog:
    species = "Canis familiaris"
    tricks = []

    def __init__(self, name):
        self.name = name

    def add_trick(self, trick):
        self.tricks.append(trick)


fido = Dog("Fido")
buddy = Dog("Buddy")
fido.add_trick("roll over")
buddy.add_trick("play dead")
print(fido.tricks)
print(fido.tricks is buddy.tricks is Dog.tricks)
fido.species = "wolf?"
print(fido.species, buddy.species, Dog.species)
del fido.species
print(fido.species)
print(sorted(fido.__dict__), "species" in Dog.__dict__)
Dog.species = "dog"
print(buddy.species, getattr(buddy, "age", "unknown"))
setattr(buddy, "age", 4)
print(buddy.age, hasattr(buddy, "age"), hasattr(fido, "age"))
