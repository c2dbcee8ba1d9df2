def make_counter(start=0):
    count = start

    def increment(step=1):
        nonlocal count
        count += step
        return count

    def reset():
        nonlocal count
        count = start

    increment.reset = reset
    return increment


c1 = make_counter()
c2 = make_counter(100)
print(c1(), c1(), c1(5))
print(c2(), c2())
c1.reset()
print(c1())
print(c1.__code__.co_freevars, c1.__closure__[0].cell_contents)


def multiplier(n):
    return lambda x: x * n

double, triple = multiplier(2), multiplier(3)
print(double(21), triple(7))
print([m(10) for m in map(multiplier, range(4))])
