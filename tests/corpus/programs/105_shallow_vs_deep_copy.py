import copy

original = {"name": "config", "servers": ["a", "b"], "limits": {"cpu": 2}}
shallow = copy.copy(original)
deep = copy.deepcopy(original)

shallow["servers"].append("c")
deep["limits"]["cpu"] = 8
shallow["name"] = "changed"

print(original)
print(shallow)
print(deep)
print(shallow["servers"] is original["servers"], deep["servers"] is original["servers"])

grid = [[0] * 3] * 3
grid[0][0] = 1
print(grid)
grid = [[0] * 3 for _ in range(3)]
grid[0][0] = 1
print(grid)

a = [1, 2]
a.append(a)
b = copy.deepcopy(a)
print(b[2] is b, b[2] is a)
t = (1, 2, (3, 4))
print(copy.copy(t) is t, copy.deepcopy(t) is t)
print(list(original) == list(deep), original["servers"][:] is original["servers"])
