def g(x):
    return x['k']
def f():
    return g({}) + 1
print(f())
