# Several finalizers: the ones whose objects die run at once, in the order
# the objects go; detached ones never run; the rest run at exit.
import weakref


class Conn:
    def __init__(self, name):
        self.name = name


def closing(name):
    print("closing", name)


conns = [Conn("a"), Conn("b"), Conn("c"), Conn("d")]
fins = [weakref.finalize(c, closing, c.name) for c in conns]
print([f.alive for f in fins])
fins[1].detach()
del conns[2]
print([f.alive for f in fins])
conns.pop(0)
print([f.alive for f in fins])
print(fins[3](), fins[3](), fins[3].alive)
print("end of main")
