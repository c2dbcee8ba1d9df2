# round() takes its arguments by name too; format() takes none by name.
import sys

prices = [19.999, 2.675, 0.125, 1234.5678]
for p in prices:
    print(p, round(number=p, ndigits=2), round(p, ndigits=1), round(number=p))
print(round(number=1234567, ndigits=-3), round(7, ndigits=None))
print(type(round(number=2.5)).__name__, round(number=2.5), round(number=3.5))

def show(call):
    try:
        print(repr(call()))
    except TypeError as e:
        print("TypeError:", e)

show(lambda: round(ndigits=2))
show(lambda: round(2.5, number=2))
show(lambda: round(1.5, 2, ndigits=3))
show(lambda: round(number=1.5, digits=2))
show(lambda: format(3.14159, ".2f"))
show(lambda: format(value=3.14159, format_spec=".2f"))
show(lambda: format(255, format_spec="#x"))

total = sum(prices)
rounded = round(number=total, ndigits=2)
print(total, rounded, sys.getsizeof(rounded))
print(sys.getrefcount(prices[0]))
