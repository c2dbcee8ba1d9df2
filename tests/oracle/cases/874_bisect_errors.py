# bisect's argument errors, each caught: Argument Clinic's messages, the
# sequence protocol's, and a comparison that fails.
import bisect

a = [1, 2, 4, 4, 4, 8, 16]
tries = [
    lambda: bisect.bisect(a, 4, -1),
    lambda: bisect.bisect(5, 2),
    lambda: bisect.bisect(a, 2, 0, 50),
    lambda: bisect.bisect(a, 2, "0"),
    lambda: bisect.bisect(a, 2, 0, "x"),
    lambda: bisect.bisect(a),
    lambda: bisect.insort((1,), 2),
    lambda: bisect.bisect(a, 1, 2, 3, 4),
    lambda: bisect.bisect([1, "a"], 2),
    lambda: bisect.bisect_left({1: 2}, 2),
    lambda: bisect.bisect_left(a, 3, a=a),
    lambda: bisect.insort_left(a, 3, key=None),
    lambda: bisect.bisect_left(a, 3, 1.5),
    lambda: bisect.bisect_right(a, 3, foo=1),
    lambda: bisect.bisect_left(a, 3, key=len),
]
for t in tries:
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__, e)
print(a)
