# Wrong: the page keeps its document's name, not the document: no cycle, but
# a page can no longer reach its document (issue 22, bug 4).
class Parent:
    def __init__(self, name):
        self.name = name
        self.children = []

    def add(self, child):
        self.children.append(child)
        child.parent = self.name

    def __del__(self):
        print("closing", self.name)


class Child:
    def __init__(self, name):
        self.name = name
        self.parent = None


doc = Parent("report")
for i in range(3):
    doc.add(Child("page %d" % (i + 1)))
print(doc.children[0].name, "belongs to", doc.children[0].parent)
del doc
print("deleted")
