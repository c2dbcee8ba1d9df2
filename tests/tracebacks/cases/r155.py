# += on an item of a tuple: the list inside grows, then the store fails
# (the famous puzzle); the caret line marks the tuple's item.
pair = (["a"], ["b"])
try:
    pair[0] += ["c"]
except TypeError as e:
    print("TypeError:", e)
print(pair)
grid = [[0, 0], [0, 0]]
grid[1][2] += 1
