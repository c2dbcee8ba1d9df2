# A retry loop with logging by print, notes and re-raising
import gc

attempts = []


def flaky(n):
    attempts.append(n)
    if n < 3:
        raise ConnectionError(f"attempt {n} failed")
    return "ok on attempt " + str(n)


def retry(times):
    last = None
    for n in range(1, times + 1):
        try:
            return flaky(n)
        except ConnectionError as e:
            print("warning:", e)
            last = e
    raise RuntimeError("gave up") from last


print(retry(5))
try:
    retry(2)
except RuntimeError as e:
    print("error:", e, "| cause:", e.__cause__)
    e.add_note("tried twice")
    print(e.__notes__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        print("re-raising")
        raise
except ZeroDivisionError as z:
    print("outer caught", z, z.__context__)

print(attempts)
print(gc.collect())
