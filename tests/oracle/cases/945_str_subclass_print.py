# print() writes str(x): for a str subclass that is its __str__ (or an exact
# copy of its characters), never the characters as they are; repr() in a
# container's repr asks each item's __repr__.  A Tally dict subclass fills
# missing keys with __missing__; a Bag list subclass checks membership with
# its own __contains__.
import gc
import sys


class Label(str):
    def __str__(self):
        return f"<{str.__str__(self)}>"

    def __repr__(self):
        return f"Label({str.__repr__(self)})"


class Plain(str):
    pass


class Score(int):
    def __str__(self):
        return f"{int(self)} pts"


lab = Label("x")
print(lab)
print(lab, lab, sep="|")
print(str(lab), repr(lab), f"{lab}", f"{lab!r}", "{}".format(lab), "%s" % lab, [lab], {lab: 1})
print(Plain("plain"), str(Plain("p")) == "p", type(str(Plain("p"))).__name__)
print(Score(3), [Score(3)], f"{Score(4)}", "%d" % Score(5))
print("a", "b", sep=Label("-"), end=Label("!\n"))
print(str.__str__(Label("q")), str.__repr__(Label("q")), int.__repr__(Score(3)), int.__str__(Score(3)))


class Tally(dict):
    def __missing__(self, key):
        self[key] = value = []
        return value


t = Tally()
for word in "the cat sat on the hat".split():
    t[word[0]].append(word)
print(t, len(t), "z" in t, t.get("z"))


class Bag(list):
    def __contains__(self, x):
        print("checking", x)
        return list.__contains__(self, x)


b = Bag([1, 2])
print(2 in b, 5 not in b)


class Evens:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return iter(range(0, self.n, 2))


print(4 in Evens(10), 5 in Evens(10))
print(sys.getrefcount(lab))
gc.collect()
before = gc.get_count()[0]
for i in range(6):
    t[i]
print(gc.get_count()[0] - before, len(t))
