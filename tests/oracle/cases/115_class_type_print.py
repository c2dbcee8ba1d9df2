class Thing:
    pass
t = Thing()
print(type(t) is Thing, type(Thing))
x = object()
print(type(x))
def f():
    pass
print(type(f))
print(type(Thing()) is type(t), type(t) is Thing)
