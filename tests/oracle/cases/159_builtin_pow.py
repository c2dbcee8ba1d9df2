print(pow(2, 10), pow(2, 10, 1000), pow(3, -1, 7), pow(-2, 5, 7), pow(5, 3, -7), pow(2.0, 3), pow(2, -1))
print(pow(7, 0, 1), pow(0, 0), pow(base=3, exp=4), pow(3, 4, mod=5), pow(10, 30), pow(2, 100, 10**9 + 7))
for args in [(2, 3, 0), (2.0, 3, 5), (2, -1, 4)]:
    try:
        pow(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    pow(2)
except TypeError as e:
    print(e)
try:
    pow(1,2,3,4)
except TypeError as e:
    print(e)
