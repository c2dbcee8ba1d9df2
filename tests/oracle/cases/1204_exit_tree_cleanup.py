# A small tree with parent links: who says goodbye first at exit?
class Node:
    def __init__(self, name, parent=None):
        self.name = name
        self.children = []
        self.parent = parent
        if parent is not None:
            parent.children.append(self)

    def __del__(self):
        print("bye", self.name)


root = Node("root")
left = Node("left", root)
right = Node("right", root)
Node("leaf", left)
lookup = {n.name: n for n in (root, left, right)}
print("tree built:", sorted(lookup))
