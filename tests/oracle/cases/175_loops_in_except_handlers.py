# Loops and consumers of iterables inside an except clause: the exception
# being handled must not be mistaken for one the loop raised.
import sys


def parse_all(texts):
    results = []
    for t in texts:
        try:
            results.append(int(t))
        except ValueError as e:
            print("bad value:", t)
            for ch in t:
                if ch not in "0123456789":
                    print("  first bad character:", repr(ch))
                    break
            print("  digits:", list(c for c in t if c in "0123456789"))
            print("  total of digits:", sum(int(c) for c in t if c in "0123456789"))
            a, b = (len(t), len(str(e)))
            print("  lengths:", a, b)
    return results


print(parse_all(["12", "4x2", "x", "7"]))


def retry():
    try:
        raise KeyError("missing")
    except KeyError:
        for attempt in range(3):
            print("attempt", attempt)
        print("re-raising")
        raise


try:
    retry()
except KeyError as e:
    print("caught again:", e)

try:
    1 / 0
except ZeroDivisionError:
    seen = [n for n in range(4)]
    print(seen, 2 in (n for n in seen), sys.getrefcount(seen))
