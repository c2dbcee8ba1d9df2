class Animal:
    species_count = 0
    def __init__(self, name, sound="..."):
        self.name = name
        self.sound = sound
        Animal.species_count += 1
    def speak(self):
        return f"{self.name} says {self.sound}"
    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"
class Dog(Animal):
    def __init__(self, name, breed):
        super().__init__(name, "woof")
        self.breed = breed
    def speak(self):
        return super().speak() + "!"
class Puppy(Dog):
    def speak(self):
        return super().speak().upper()
class Cat(Animal):
    def __init__(self, name):
        super(Cat, self).__init__(name, sound="meow")
pets = [Dog("Rex", "lab"), Puppy("Bit", "pug"), Cat("Tom"), Animal("Generic")]
for p in pets:
    print(repr(p), p.speak())
print(Animal.species_count, Puppy.__mro__, isinstance(pets[1], Dog), issubclass(Cat, Dog))
print(Puppy.__bases__, Dog.__subclasses__(), pets[0].__dict__)
class A:
    def hello(self):
        return "A"
class B(A):
    def hello(self):
        return "B>" + super().hello()
class C(A):
    def hello(self):
        return "C>" + super().hello()
class D(B, C):
    def hello(self):
        return "D>" + super().hello()
print(D().hello(), [k.__name__ for k in D.mro()])
class Base:
    def __init__(self, **kwargs):
        print("Base got", kwargs)
class Mixin:
    def __init__(self, color="red", **kwargs):
        self.color = color
        super().__init__(**kwargs)
class Shape(Mixin, Base):
    def __init__(self, sides, **kwargs):
        self.sides = sides
        super().__init__(**kwargs)
s = Shape(4, color="blue", extra=1)
print(s.sides, s.color, vars(s))
class Shape2:
    def area(self):
        raise NotImplementedError(f"{type(self).__name__} must implement area")
class Square(Shape2):
    def __init__(self, side):
        self.side = side
    def area(self):
        return self.side ** 2
try:
    Shape2().area()
except NotImplementedError as e:
    print("NotImplementedError:", e)
print(Square(3).area(), sum(sq.area() for sq in map(Square, range(5))))
class Stack(list):
    def push(self, item):
        self.append(item)
    def peek(self):
        return self[-1]
st = Stack([1, 2])
st.push(3)
print(st, st.peek(), len(st), st.pop(), st, type(st[:1]))
class Counter(dict):
    def __missing__(self, key):
        return 0
c = Counter()
for ch in "mississippi":
    c[ch] = c[ch] + 1
print(c, c["z"], sorted(c.items(), key=lambda kv: -kv[1]))
