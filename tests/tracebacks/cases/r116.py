# bisect's ValueError for a negative lo, raised inside a helper function.
import bisect


def position(items, value, start):
    return bisect.bisect_left(items, value, start)


print(position([1, 3, 5, 7], 4, 0))
print(position([1, 3, 5, 7], 4, -1))
