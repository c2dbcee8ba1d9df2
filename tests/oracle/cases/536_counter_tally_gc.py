# Tallying into a Counter item by item: a missing key reads as 0 and is
# not stored, and the collector's young count moves only by what stays.
import gc
import sys
from collections import Counter

votes = ["red", "blue", "red", "green", "blue", "red"]
tally = Counter()
gc.collect()
print(gc.get_count())
for colour in votes:
    tally[colour] += 1
print(gc.get_count())
for colour in votes:
    tally[colour] += 1
print(gc.get_count())
print(tally["purple"], "purple" in tally, len(tally), gc.get_count())
tally["purple"] = 0
print(len(tally), gc.get_count(), gc.is_tracked(tally))
holder = [tally]
print(sys.getrefcount(tally), tally.get("red"), tally.get("black", -1))
print(sorted(tally), sorted(tally.values()), tally.pop("purple"), len(tally))
print(tally)
