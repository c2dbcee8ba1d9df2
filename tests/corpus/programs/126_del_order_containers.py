class Tracked:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("  del", self.name)


print("list cleared:")
items = [Tracked("a"), Tracked("b"), Tracked("c")]
items.clear()
print("dict replaced:")
table = {"x": Tracked("x"), "y": Tracked("y")}
table = {}
print("tuple dropped:")
pair = (Tracked("first"), Tracked("second"))
pair = None
print("rebinding a name:")
current = Tracked("old")
current = Tracked("new")
print("function locals:")


def work():
    tmp1 = Tracked("tmp1")
    tmp2 = Tracked("tmp2")
    return "result"


print(work())
print("popped and dropped:")
stack = [Tracked("s1"), Tracked("s2")]
stack.pop()
print("end of program")
