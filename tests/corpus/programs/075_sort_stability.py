records = [
    ("blue", 3), ("red", 1), ("blue", 1), ("green", 2), ("red", 3), ("green", 1),
]

step1 = sorted(records, key=lambda r: r[1])
step2 = sorted(step1, key=lambda r: r[0])
print(step2)
print(sorted(records) == step2)

names = ["bob", "Alice", "carol", "Dave", "eve"]
names.sort()
print(names)
names.sort(key=str.casefold)
print(names)
names.sort(key=len, reverse=True)
print(names)

data = [5, 2, 9, 1]
result = data.sort()
print(result, data)
print(sorted("Sorting"), "".join(sorted("Sorting", key=str.lower)))
print(sorted({3: "c", 1: "a", 2: "b"}.items(), reverse=True))
