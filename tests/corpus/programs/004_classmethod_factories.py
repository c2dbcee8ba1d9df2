from datetime import date


class Person:
    population = 0

    def __init__(self, name, age):
        self.name = name
        self.age = age
        Person.population += 1

    @classmethod
    def from_birth_year(cls, name, year):
        return cls(name, 2024 - year)

    @classmethod
    def from_string(cls, text):
        name, age = text.split("-")
        return cls(name, int(age))

    @staticmethod
    def is_adult(age):
        return age >= 18

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r}, {self.age})"


class Student(Person):
    pass


people = [Person("Alice", 30), Person.from_birth_year("Bob", 2010),
          Student.from_string("Carol-19")]
for p in people:
    print(p, Person.is_adult(p.age))
print("population:", Person.population)
print(date(2024, 3, 1).isoformat())
