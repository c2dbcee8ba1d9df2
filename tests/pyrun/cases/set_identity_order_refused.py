# A set of a program's own objects: CPython orders it by their addresses.
class Task:
    def __init__(self, name):
        self.name = name


pending = {Task("build"), Task("test")}
print(len(pending), Task("x") in pending)
for task in pending:
    print(task.name)
