# A comparison with a literal makes the compiler warn; CPython 3.13 shows
# the warning through its warnings module, whose own objects are collected
# before the first line, and gc.get_stats() counts those collections.
import gc

limit = 10
print(limit is 10)
print(gc.get_stats()[0]["collections"] > 0)
print(gc.get_stats()[1])
