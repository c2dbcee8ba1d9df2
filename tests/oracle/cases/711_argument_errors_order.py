# Which argument error CPython reports first: keywords are matched before
# the count of positional arguments is checked.
def f(a, *, k=1):
    pass
def g(a, b=2, *, k):
    pass
class C:
    def m(self, x):
        pass
tests = [lambda: f(1, 2, k=3), lambda: g(1, 2, 3, k=4), lambda: C().m(1, 2), lambda: f(1, 2, z=1), lambda: g(1, 2, 3), lambda: f(1, a=2), lambda: f(1, 2, 3, k=5)]
for t in tests:
    try:
        t()
    except TypeError as e:
        print(e)
x = 1
del x
def h():
    y = 1
    del y
    del y
try:
    h()
except NameError as e:
    print(type(e).__name__, e)
print(divmod(7.5, 2), 7.5 % -2)
