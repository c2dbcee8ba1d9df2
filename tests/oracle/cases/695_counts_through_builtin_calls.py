# How the young count moves through everyday built-in calls, from the
# clean state: calls that pack their arguments into a tuple (and keywords
# into a dict) leave them on the free lists, so the first such call costs
# the collector one allocation more than the next.
import gc
import sys

words = ["pear", "fig", "apple", "kiwi"]
nums = [5, -3, 8, 1]
counts = []


def step(label):
    counts.append((label, gc.get_count()[0]))


gc.collect()
step("start")
size = sys.getsizeof(words)
step("getsizeof")
size = sys.getsizeof(words, 0)
step("getsizeof default")
biggest = max(nums, key=abs)
step("max key")
smallest = min(nums)
step("min")
ordered = sorted(words, key=len, reverse=True)
step("sorted key")
words.sort(key=str.lower)
step("sort key")
joined = ", ".join(words)
step("join list")
joined = "-".join(w[0] for w in words)
step("join gen")
table = dict([("a", 1), ("b", 2)])
step("dict pairs")
table = dict(zip(words, nums))
step("dict zip")
raw = bytes([104, 105])
step("bytes list")
n = int("ff", 16)
step("int base")
n = int("12")
step("int")
pos = "banana".find("an", 2)
step("find")
c = "banana".count("a")
step("count")
ok = "banana".startswith(("ba", "x"))
step("startswith")
s = {1, 2}.union([3], (4,))
step("union")
s.update([5])
step("update")
for label, c in counts:
    print(f"{label:18} {c}")
print(biggest, smallest, ordered, words, joined, table, raw, n, pos, ok, sorted(s))
