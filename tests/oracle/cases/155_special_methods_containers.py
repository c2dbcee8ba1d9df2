import sys


class Stack:
    def __init__(self):
        self.items = []

    def push(self, x):
        self.items.append(x)

    def pop(self):
        return self.items.pop()

    def __len__(self):
        return len(self.items)

    def __contains__(self, x):
        return x in self.items

    def __getitem__(self, i):
        return self.items[i]

    def __setitem__(self, i, v):
        self.items[i] = v

    def __delitem__(self, i):
        del self.items[i]

    def __iter__(self):
        return iter(self.items)


s = Stack()
print(len(s), bool(s))
if not s:
    print("empty stack")
for w in ["a", "b", "c"]:
    s.push(w)
print(len(s), "b" in s, "z" in s, s[0], s[-1])
s[1] = "B"
del s[0]
print(list(s), [x * 2 for x in s], sys.getrefcount(s))


class Countdown:
    def __init__(self, start):
        self.n = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1


for i in Countdown(3):
    print("tick", i)
print(list(Countdown(4)), sum(Countdown(10)), 2 in Countdown(5))
it = iter(Countdown(2))
print(next(it), next(it))
try:
    next(it)
except StopIteration:
    print("done")


class Grid:
    def __init__(self):
        self.cells = {}

    def __getitem__(self, pos):
        return self.cells.get(pos, ".")

    def __setitem__(self, pos, v):
        self.cells[pos] = v


g = Grid()
g[1, 2] = "#"
print(g[1, 2], g[0, 0], len(g.cells))
try:
    len(Grid())
except TypeError as e:
    print("TypeError:", e)
