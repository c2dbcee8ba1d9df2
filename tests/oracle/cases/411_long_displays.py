# Long literals and long calls: CPython builds them piecewise past 30 stack items.
import sys

base = 100
prices = {"apple": base, "banana": base + 1, "cherry": base + 2, "date": base + 3, "elderberry": base + 4,
          "fig": base + 5, "grape": base + 6, "honeydew": base + 7, "kiwi": base + 8, "lemon": base + 9,
          "mango": base + 10, "nectarine": base + 11, "orange": base + 12, "papaya": base + 13,
          "quince": base + 14, "raspberry": base + 15, "strawberry": base + 16, "tangerine": base + 17,
          "ugli": base + 18, "vanilla": base + 19, "watermelon": base + 20, "yam": base + 21}
print(len(prices), sys.getsizeof(prices))
codes = {1: str(base), 2: str(base), 3: str(base), 4: str(base), 5: str(base), 6: str(base), 7: str(base),
         8: str(base), 9: str(base), 10: str(base), 11: str(base), 12: str(base), 13: str(base), 14: str(base),
         15: str(base), 16: str(base), 17: str(base), 18: str(base)}
print(len(codes), sys.getsizeof(codes))
row = [base, base + 1, base + 2, base + 3, base + 4, base + 5, base + 6, base + 7, base + 8, base + 9,
       base + 10, base + 11, base + 12, base + 13, base + 14, base + 15, base + 16, base + 17, base + 18,
       base + 19, base + 20, base + 21, base + 22, base + 23, base + 24, base + 25, base + 26, base + 27,
       base + 28, base + 29, base + 30, base + 31, base + 32]
print(len(row), sys.getsizeof(row), sys.getsizeof(tuple(row)))
point = (base, base + 1, base + 2, base + 3, base + 4, base + 5, base + 6, base + 7, base + 8, base + 9,
         base + 10, base + 11, base + 12, base + 13, base + 14, base + 15, base + 16, base + 17, base + 18,
         base + 19, base + 20, base + 21, base + 22, base + 23, base + 24, base + 25, base + 26, base + 27,
         base + 28, base + 29, base + 30, base + 31)
print(len(point), sys.getsizeof(point))


def settings(**options):
    return len(options), sys.getsizeof(options), sorted(options)[:3]


print(settings(a=1, b=2, c=3, d=4, e=5, f=6, g=7, h=8, i=9, j=10, k=11, l=12, m=13, n=14, o=15, p=16, q=17))
print(settings(a=1, b=2, c=3, d=4, e=5, f=6, g=7, h=8, i=9, j=10, k=11, l=12, m=13, n=14, o=15, p=16,
               **prices))
print(settings(a=1, b=2, c=3))
print(max(base, base + 1, base + 2, base + 3, base + 4, base + 5, base + 6, base + 7, base + 8, base + 9,
          base + 10, base + 11, base + 12, base + 13, base + 14, base + 15, base + 16, base + 17, base + 18,
          base + 19, base + 20, base + 21, base + 22, base + 23, base + 24, base + 25, base + 26, base + 27,
          base + 28, base + 29, base + 30, base + 31))
