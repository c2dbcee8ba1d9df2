from contextlib import contextmanager


@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")


with tag("html"):
    with tag("body") as upper:
        print("content in", upper)


@contextmanager
def indented(level=[0]):
    level[0] += 1
    try:
        yield "  " * level[0]
    finally:
        level[0] -= 1


with indented() as pad:
    print(pad + "one")
    with indented() as pad2:
        print(pad2 + "two")
    print(pad + "back")

try:
    with tag("p"):
        raise RuntimeError("inside")
except RuntimeError as e:
    print("caught", e)
