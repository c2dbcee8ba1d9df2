def find(items, target):
    i = 0
    for x in items:
        if x == target:
            return i
        i = i + 1
    return -1
print(find([5, 6, 7], 7), find([5, 6, 7], 9), find([], 1))
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
print(fib(15))
def fact(n):
    r = 1
    while n > 1:
        r *= n
        n -= 1
    return r
print(fact(25))
def noret():
    x = 1
print(noret())
a = 1; b = 2; c = a + b
print(a, b, c)
