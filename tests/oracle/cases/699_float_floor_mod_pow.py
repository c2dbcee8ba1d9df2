# Float floor division and modulo take the remainder's sign from the
# divisor and compute the quotient from it: 1 // 0.1 is 9.0, not 10.0.
print(1 // 0.1, 1 % 0.1, divmod(1.0, 0.1))
print(-4.0 % 2.0, 4.0 % -2.0, -0.0 // 1.0, 0.0 // -1.0)
print(-7.5 // 2, -7.5 % 2, 7.5 // -2, 7.5 % -2)
print(1.5 % float("inf"), -1.5 % float("inf"))
print((-8.0) ** 3, (-8.0) ** -1, 2 ** 0.5, 10 ** -2)
for a, b in [(10.0, 400), (2.0, 1024), (5.0, 0.0)]:
    try:
        print(a ** b if b else a // b)
    except (OverflowError, ZeroDivisionError) as err:
        print(type(err).__name__, err)
words = ["memory", "model"]
try:
    print(sum(words, ""))
except TypeError as err:
    print(err)
print("".join(words), sum([0.1] * 10), sum([1, 2], 0.5))
