# A cache that shrinks, then gets copied: how big is the copy?
import sys

cache = {}
for user_id in range(12):
    cache[user_id] = f"user-{user_id}"
for user_id in range(9):
    del cache[user_id]          # deleted entries still occupy the table
print("cache:", len(cache), sys.getsizeof(cache))

snapshot = cache.copy()         # too sparse to clone: rebuilt by merging
print("copy:", len(snapshot), sys.getsizeof(snapshot))
print("dict():", sys.getsizeof(dict(cache)), "| {}:", sys.getsizeof(cache | {}))

full = {name: len(name) for name in ["ada", "grace", "alan", "barbara"]}
print("clean copy:", sys.getsizeof(full), sys.getsizeof(full.copy()))


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


p = Point(3, 4)
attrs = vars(p)
clone = attrs.copy()            # shares the class's keys, as p's own dict does
print("instance dict:", sys.getsizeof(attrs), sys.getsizeof(clone), clone)
print(sys.getsizeof(attrs | {"z": 5}), (attrs | {"z": 5}))
