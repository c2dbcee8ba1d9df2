import sys
from contextlib import ExitStack

class Conn:
    count = 0
    def __init__(self, host):
        self.host = host
        Conn.count += 1
    def close(self):
        print("closing", self.host)
        if self.host == "never":
            raise ConnectionError("could not close " + self.host)

def open_all(hosts):
    with ExitStack() as stack:
        conns = []
        for h in hosts:
            c = Conn(h)
            stack.callback(c.close)
            conns.append(c)
        # everything opened: keep them, the caller closes
        return conns, stack.pop_all()

conns, closer = open_all(["db", "cache", "bad"])
print(len(conns), Conn.count, type(closer).__name__)
try:
    closer.close()
except ConnectionError as e:
    print("close failed:", e, type(e.__context__))
print(sys.getrefcount(conns[0]))

stack = ExitStack()
stack.callback(print, "only once")
stack.close()
stack.close()
print("closed twice")

with ExitStack() as outer:
    with ExitStack() as inner:
        outer.callback(print, "outer cleanup")
        inner.callback(print, "inner cleanup")
    print("between")
print(outer.close(), bool(stack))
