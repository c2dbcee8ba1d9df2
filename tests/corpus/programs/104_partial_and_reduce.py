from functools import partial, reduce
import operator

def power(base, exponent):
    return base ** exponent

square = partial(power, exponent=2)
cube = partial(power, exponent=3)
print(square(5), cube(2), square.func.__name__, square.keywords)

int_from_binary = partial(int, base=2)
print(int_from_binary("101010"))

print(reduce(operator.add, [1, 2, 3, 4, 5]))
print(reduce(operator.mul, range(1, 11), 1))
print(reduce(lambda acc, w: acc + len(w), ["ab", "cde", "f"], 0))
print(reduce(max, [3, 9, 2, 7]))
nested = [[1, 2], [3], [4, 5, 6]]
print(reduce(operator.concat, nested))
try:
    reduce(operator.add, [])
except TypeError as e:
    print("TypeError:", e)
print_csv = partial(print, sep=",")
print_csv(1, 2, 3)
