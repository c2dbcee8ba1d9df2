total = 10
def f():
    print("in f")
    total = total + 1
    return total
f()
