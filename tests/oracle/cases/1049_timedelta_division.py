from datetime import timedelta as T
x = T(days=3, hours=5, microseconds=7)
for y in [T(hours=7), 2, -3, 7, 0.5, -1.5, 2.5]:
    print(x / y, x // y if not isinstance(y, float) else '-')
for y in [T(0), 0]:
    for op in ('/', '//'):
        try:
            print(x / y if op == '/' else x // y)
        except ZeroDivisionError as e:
            print(op, e)
print(T(seconds=-7) // 2, T(seconds=-7) / 2, T(microseconds=-5) / 2, T(microseconds=5) / -2, x % T(hours=7))
