# list[str] makes a types.GenericAlias, which the model does not have.
scores: dict = {}
names: list[str] = ["ada"]
print(names)
