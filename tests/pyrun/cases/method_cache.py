# LOAD_METHOD goes through a cache per instruction (vm_attr_cache.c): each
# hit must still find what the class, the bases and the instance hold now.
class Base:
    def who(self):
        return "base"


class Thing(Base):
    def who(self):
        return "thing"


def ask(t):
    return t.who()          # the one LOAD_METHOD instruction every step uses


t = Thing()
seen = []
for step in range(7):
    if step == 1:
        t.who = lambda: "own"                   # the instance's attribute comes first
    if step == 2:
        del t.who
    if step == 3:
        Thing.who = lambda self: "replaced"     # another function in the class
    if step == 4:
        del Thing.who                           # the base's now
    if step == 5:
        Base.who = lambda self: "new base"
    seen.append(ask(t))
print(seen)


def add(s, x):
    s.add(x)                # a built-in type's method


s = set()
add(s, 1)
add(s, 2)
try:
    add(frozenset(), 3)     # same instruction: frozenset has no add
except AttributeError:
    print("AttributeError")
print(sorted(s))


class Stack(list):
    def append(self, x):
        list.append(self, x * 10)


def push(seq, x):
    seq.append(x)


plain, stack = [], Stack()
for i in range(3):
    push(plain, i)
    push(stack, i)
print(plain, stack)
