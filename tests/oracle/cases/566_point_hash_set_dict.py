# A value object: two points with the same coordinates are "the same key".
import sys
import gc


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __eq__(self, other):
        if not isinstance(other, Point):
            return NotImplemented
        return (self.x, self.y) == (other.x, other.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


p = Point(1, 2)
q = Point(1, 2)
print(p == q, p is q, hash(p) == hash(q))

visited = {p, q, Point(3, 4)}
print(len(visited), visited)
print(Point(3, 4) in visited, Point(4, 3) in visited)
print(sys.getsizeof(visited), gc.is_tracked(visited))
print(sys.getrefcount(p), sys.getrefcount(q))

names = {p: "home"}
names[q] = "still home"           # the same key: the value is replaced
names[Point(0, 0)] = "origin"
print(names)
print(names[Point(1, 2)], len(names), sys.getsizeof(names))
print(sys.getrefcount(p), sys.getrefcount(q))

grid = {}
for x in range(3):
    for y in range(3):
        grid[Point(x, y)] = x * y
print(len(grid), grid[Point(2, 2)], sys.getsizeof(grid))
del grid[Point(1, 1)]
print(Point(1, 1) in grid, len(grid))
print(gc.collect())
