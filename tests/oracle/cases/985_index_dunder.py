# __index__ lets an object stand in for an int wherever Python needs an
# index: range(), subscripts and slices, hex(), operator.index(), repetition.
import operator
import sys


class Position:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        return self.n

    def __repr__(self):
        return f"Position({self.n})"


third = Position(2)
letters = ["a", "b", "c", "d", "e"]
print(letters[third], letters[Position(-1)], "python"[third])
print(letters[Position(1):Position(4)], letters[::Position(2)])
print(list(range(third)), list(range(Position(1), Position(9), Position(3))))
print(hex(Position(255)), bin(third), oct(Position(8)), operator.index(third))
print([0] * third, "ab" * Position(3), (1,) * third)
letters[third] = "C"
del letters[Position(0)]
print(letters, letters.pop(Position(1)), letters)
print(int(third), float(third), round(3.14159, third))
# the int __index__ returns is the one used: a small int is cached
big = Position(10**6)
r = operator.index(big)
print(r == 10**6, sys.getrefcount(third))


class Broken:
    def __index__(self):
        return "2"


try:
    letters[Broken()]
except TypeError as e:
    print("TypeError:", e)
try:
    [1, 2, 3][Position(7)]
except IndexError as e:
    print("IndexError:", e)
