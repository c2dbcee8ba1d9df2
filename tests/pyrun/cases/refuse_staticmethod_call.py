def f():
    return 1
s = staticmethod(f)
print(s())
