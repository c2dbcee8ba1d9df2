# list[str] makes a types.GenericAlias; calling one of the program's own
# subclass of list sets __orig_class__ on the instance, which the model does not.
class Names(list):
    pass


scores: dict[str, int] = {}
names: list[str] = ["ada"]
print(names, list[str], dict[str, int], Names[str])
roster = Names[str]()
print(roster)
