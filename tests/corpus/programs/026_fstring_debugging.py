import math

width = 7
height = 3
name = "box"
print(f"{width=}, {height=}")
print(f"{width * height=}")
print(f"{name=!s} {name=}")
print(f"{math.pi=:.3f}")
print(f"{width = }")
items = [1, 2, 3]
print(f"{len(items)=} {items[-1]=}")
print(f"{'nested'!r:>12}|")
d = {"k": 42}
print(f"{d['k']=:05d}")
