import weakref


class Widget:
    def __init__(self, label):
        self.label = label


notes = weakref.WeakKeyDictionary()
w1, w2 = Widget("ok"), Widget("cancel")
notes[w1] = "primary button"
notes[w2] = "secondary button"
print(len(notes), notes[w1], w2 in notes)
print(sorted(k.label for k in notes.keys()))
del w1
print(len(notes), [v for v in notes.values()])
notes.pop(w2)
print(len(notes))
w3 = Widget("help")
notes[w3] = "third"
notes.setdefault(w3, "ignored")
print(notes.get(w3), len(notes))
w3 = None
print(len(notes))
