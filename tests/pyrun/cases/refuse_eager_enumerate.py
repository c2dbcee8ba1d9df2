# enumerate() and zip() run, but the model builds their items at once where
# CPython makes them one by one: what would show the difference is refused.
names = ["ada", "grace"]
for i, name in enumerate(names):
    print(i, name)
print(list(zip(names, range(2))))
e = enumerate(names)
print(type(e))
