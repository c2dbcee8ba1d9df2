cities = {"Paris": 2.1, "Tokyo": 13.9, "Lima": 9.7, "Oslo": 0.7}

print(max(cities, key=cities.get))
print(min(cities.items(), key=lambda kv: kv[1]))
print(max(cities, key=len), min(cities, key=len))
print(max([], default="empty"), min((), default=None))
print(max(3, 9, 2), min("hello"), max("apple", "fig", key=len))

words = "a bb ccc dd e".split()
print(max(words, key=len))
print(sorted(words, key=len))
points = [(1, 5), (4, 2), (3, 3)]
print(min(points, key=lambda p: p[0] ** 2 + p[1] ** 2))
print(max(points, key=lambda p: p[1]))
print(sorted(points, key=lambda p: p[1], reverse=True))
values = [3, -7, 2, -1]
print(max(values, key=abs), min(values, key=abs))
