# A class that hashes in Python: the dict calls its __hash__ and __eq__,
# so an equal point finds the entry another point made.
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)

    def __hash__(self):
        return hash((self.x, self.y))


p = Point(1, 2)
print(hash(p) == hash(Point(1, 2)), p == Point(1, 2))
seen = {p: "first"}
print(seen[Point(1, 2)])
