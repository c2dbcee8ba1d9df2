from contextlib import contextmanager, suppress
class Indenter:
    def __init__(self):
        self.level = 0
    def __enter__(self):
        self.level += 1
        return self
    def __exit__(self, exc_type, exc, tb):
        self.level -= 1
        return False
    def print(self, text):
        print("    " * self.level + text)

with Indenter() as indent:
    indent.print("hi!")
    with indent:
        indent.print("hello")
        with indent:
            indent.print("bonjour")
    indent.print("hey")

@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")

with tag("h1") as t:
    print("title", t)

class Resource:
    def __init__(self, name):
        self.name = name
        print("open", name)
    def close(self):
        print("close", self.name)
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        self.close()
        if exc[0] is KeyError:
            print("swallowed", exc[1])
            return True

with Resource("db") as r, Resource("cache") as c:
    print("using", r.name, c.name)

with Resource("x"):
    raise KeyError("missing")
print("after")

with suppress(ZeroDivisionError):
    1 / 0
print("suppressed")

try:
    with tag("div"):
        raise ValueError("boom")
except ValueError as e:
    print("caught", e)

class Transaction:
    def __init__(self, log):
        self.log = log
    def __enter__(self):
        self.log.append("begin")
        return self.log
    def __exit__(self, et, ev, tb):
        self.log.append("rollback" if et else "commit")
log = []
with Transaction(log) as l:
    l.append("work")
try:
    with Transaction(log):
        raise RuntimeError
except RuntimeError:
    pass
print(log)
