import inspect


def worker():
    print("  started")
    x = yield 1
    print("  got", x)
    yield 2


g = worker()
print(inspect.getgeneratorstate(g))
print(next(g))
print(inspect.getgeneratorstate(g))
print(g.send("hi"))
print(sorted(g.gi_frame.f_locals))
g.close()
print(inspect.getgeneratorstate(g))
print(g.gi_frame)
