def bold(fn):
    def wrapped(*args):
        return "<b>" + fn(*args) + "</b>"
    return wrapped


def italic(fn):
    def wrapped(*args):
        return "<i>" + fn(*args) + "</i>"
    return wrapped


def trace(label):
    def deco(fn):
        print("decorating", fn.__name__, "with", label)
        return fn
    return deco


@trace("outer")
@bold
@italic
@trace("inner")
def hello(name):
    return "hello " + name


print(hello("world"))
print(hello.__name__)

hello2 = bold(italic(lambda: "plain"))
print(hello2())
