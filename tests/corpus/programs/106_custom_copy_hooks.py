import copy


class Document:
    next_id = 1

    def __init__(self, title, pages):
        self.id = Document.next_id
        Document.next_id += 1
        self.title = title
        self.pages = pages

    def __copy__(self):
        print("__copy__ called")
        return Document(self.title, self.pages)

    def __deepcopy__(self, memo):
        print("__deepcopy__ called")
        return Document(self.title, copy.deepcopy(self.pages, memo))

    def __repr__(self):
        return f"Document#{self.id}({self.title!r}, {self.pages})"


d = Document("notes", ["p1", "p2"])
s = copy.copy(d)
dd = copy.deepcopy(d)
s.pages.append("p3")
print(d)
print(s)
print(dd)
print([copy.deepcopy(x) for x in (1, "a", None)])
