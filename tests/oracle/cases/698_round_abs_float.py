# round(), abs() and float() the way reports and homework use them: money
# to cents, big counts to thousands, user input parsed from strings.
prices = [2.675, 0.125, 1.005, 19.995, 1e20, -0.5]
print([round(p, 2) for p in prices])
print([round(p) for p in prices])
print(round(1234.5678, -2), round(55.0, -1), round(-0.0, 1), round(5e-324, 400))

population = 8_045_311_447
print(round(population, -6), round(population, -9), round(25, -1), round(35, -1), round(True))
print(abs(-population), abs(-2 ** 70), abs(-0.0), abs(True))
n = 10 ** 30
print(abs(n) is n, round(n) is n, round(n, -28))

raw = ["3.14", " 42 ", "1_000.5", "-inf", "nan", "6.02e23", "1e-3"]
print([float(s) for s in raw])
print(float(2 ** 64), float(3 ** 40), float(-(10 ** 25)))
for bad in ["", "1,5", "0x1A", "1__0", "abc"]:
    try:
        float(bad)
    except ValueError as err:
        print("ValueError:", err)
for bad in ("7", [1], None):
    try:
        print(round(bad))
    except TypeError as err:
        print("TypeError:", err)
try:
    round(float("inf"))
except OverflowError as err:
    print("OverflowError:", err)
