import sys
class Empty:
    pass
class One:
    def __init__(self):
        self.a = 1
class Many:
    def __init__(self):
        self.a = 1
        self.b = 2
        self.c = 3
        self.d = 4
        self.e = 5
        self.f = 6
def f():
    return 1
def g(a, b):
    return a + b
def outer():
    x = 1
    def inner():
        return x
    return inner
print(sys.getsizeof(Empty()), sys.getsizeof(One()), sys.getsizeof(Many()))
print(sys.getsizeof(f), sys.getsizeof(g), sys.getsizeof(outer()))
print(sys.getsizeof(Empty) > 400, sys.getsizeof(One) == sys.getsizeof(Empty))
e = Empty()
e.x = 1
e.y = 2
print(sys.getsizeof(e))
m = One()
print(sys.getsizeof(m.__init__))
