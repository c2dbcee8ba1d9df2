def make_adder(n):
    def add(x):
        return x + n
    return add
add3 = make_adder(3)
add10 = make_adder(10)
print(add3(1), add10(1), add3(add10(0)))
def make_acc():
    items = []
    def acc(x):
        items.append(x)
        return len(items)
    return acc
a = make_acc()
b = make_acc()
print(a(1), a(2), a(3), b(9))
def outer():
    x = 1
    def mid():
        def inner():
            return x * 100
        return inner
    return mid()
print(outer()())
def counter():
    box = [0]
    def inc():
        box[0] = box[0] + 1
        return box[0]
    return inc
c = counter()
c(); c()
print(c())
