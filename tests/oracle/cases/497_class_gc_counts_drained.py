# Class creation counted once live dicts and tuples have emptied their free lists.
import gc

gc.disable()
held = [{} for i in range(100)]
pairs = [(i,) for i in range(100)]
quads = [(i, i, i, i) for i in range(100)]
counts = []
before = gc.get_count()[0]


class First:
    pass


counts.append(gc.get_count()[0] - before)
before = gc.get_count()[0]


class Second:
    pass


counts.append(gc.get_count()[0] - before)
before = gc.get_count()[0]


class Third(First):
    def method(self):
        return 1


counts.append(gc.get_count()[0] - before)
before = gc.get_count()[0]


class Fourth:
    __slots__ = ("a", "b")


counts.append(gc.get_count()[0] - before)
before = gc.get_count()[0]


class Fifth(First, Second):
    pass


counts.append(gc.get_count()[0] - before)
print(counts)
gc.enable()
