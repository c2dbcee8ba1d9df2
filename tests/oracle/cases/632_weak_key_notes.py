# Notes attached to objects without keeping the objects alive.
import weakref


class Document:
    def __init__(self, title):
        self.title = title


notes = weakref.WeakKeyDictionary()
report = Document("report")
draft = Document("draft")
memo = Document("memo")

notes[report] = "send on Friday"
notes[draft] = "needs work"
print(len(notes), notes[report], draft in notes, memo in notes)
print(notes.get(memo), notes.get(memo, "no note"))
print(notes.setdefault(memo, "new"), notes.setdefault(memo, "newer"))
notes[draft] = "almost done"
print(len(notes), notes[draft])
print([d.title for d in notes.keys()])
print(list(notes.values()))
for doc, note in notes.items():
    print(doc.title, "->", note)

del draft
print(len(notes), [d.title for d in notes])
print(notes.pop(memo), len(notes))
print(notes.pop(memo, "gone"))
del notes[report]
print(len(notes))
try:
    notes[report]
except KeyError:
    print("no note for", report.title)
print(5 in notes)
try:
    notes[5] = "five"
except TypeError as e:
    print("TypeError:", e)
