# A str subclass that normalizes what it holds: __new__ lowers and strips
# the text once, so comparisons, dict keys and sets treat "Apple " and
# "apple" alike.  Its instances keep their characters in a buffer of
# their own (CPython's legacy layout), so they are bigger than the str.
import gc
import sys


class Tag(str):
    def __new__(cls, text):
        return super().__new__(cls, text.strip().lower())

    def matches(self, other):
        return self == other.strip().lower()

    def __repr__(self):
        return "Tag(" + repr(str(self)) + ")"


tags = [Tag("Python "), Tag("  memory"), Tag("GC")]
print(tags, [str(t) for t in tags], tags[0] == "python")
print(tags[0].matches(" PYTHON"), tags[2].upper(), type(tags[2].upper()).__name__)
for t in tags:
    print(repr(t), len(t), sys.getsizeof(t), sys.getsizeof(str(t)), gc.is_tracked(t))
index = {t: i for i, t in enumerate(tags)}
print(index["gc"], "memory" in index, sorted(tags), "+".join(tags))
t = tags[1]
t.source = "user input"
print(t.source, t.__dict__, t.startswith("mem"), t[0], t * 2, t + "!")
print(sys.getsizeof(Tag("")), sys.getsizeof(Tag("héllo")))
print(sys.getrefcount(t), isinstance(t, str), Tag.__mro__[1] is str)


class Label(str):
    """No __new__ of its own: str's, with the same arguments."""

    def shout(self):
        return self.upper() + "!"


lab = Label("hello")
print(lab, lab.shout(), Label(42), Label(), Label([1, 2]), sys.getsizeof(lab), sys.getsizeof(Label("€uro")))
print(f"{lab:>8}|", "%s and %r" % (lab, lab), str(lab) is lab, type(str(lab)).__name__)
gc.collect()
before = gc.get_count()
made = [Label(n) for n in range(4)]
print(before, gc.get_count(), made)
