# A record hashed by its name, as books write it: __hash__ returns
# hash(self.name) and __eq__ compares names, so two records with one name
# are one set item and one dict key.  hash() of a str is SipHash-1-3 of its
# characters; run under PYTHONHASHSEED=0 (the oracle's seed) the values and
# the set order below are CPython's.
import gc
import sys


class Person:
    def __init__(self, name, age):
        self.name = name
        self.age = age

    def __hash__(self):
        return hash(self.name)

    def __eq__(self, other):
        return isinstance(other, Person) and self.name == other.name

    def __repr__(self):
        return f"Person({self.name!r}, {self.age})"


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __hash__(self):
        return hash((self.x, self.y))

    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)


people = {Person("ann", 31), Person("bob", 42), Person("ann", 99), Person("cy", 18), Person("dee", 27)}
print(len(people), people)
ages = {Person(n, 0): n.title() for n in ["x", "yy", "zzz", "x"]}
print(ages)
print(Person("ann", 1) in people, Person("zed", 1) in people)
print(hash(Person("ann", 5)) == hash("ann"), hash(Point("a", 2)) == hash(("a", 2)))
print(len({Point("a", 1), Point("a", 1), Point("b", 1)}))

print(hash("abc"), hash(""), hash("a"), hash(b"abc"), hash(b""))
print(hash("héllo"), hash("日本"), hash(("a", 1)), hash(frozenset({"a", "b"})))
print("abc".__hash__() == hash("abc"), str.__hash__("q") == hash("q"))


class Tag(str):
    pass


print(hash(Tag("abc")) == hash("abc"), {Tag("x"), "x"})

bob = Person("bob", 1)
print(sys.getrefcount(bob), sys.getsizeof(bob.name))
gc.collect()
before = gc.get_count()[0]
index = {}
for name in ["a", "b", "c", "a"]:
    index[Person(name, 0)] = name
print(gc.get_count()[0] - before, len(index), sys.getsizeof(index))
