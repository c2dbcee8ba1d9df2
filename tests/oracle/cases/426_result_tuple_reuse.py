# enumerate and zip hand out the same tuple again when nobody kept the
# last one; keep it and they must make a new one.  The collector's young
# count shows which happened.
import gc
import sys

words = ["red", "green", "blue", "cyan", "pink", "gold"]

gc.collect()
before = gc.get_count()[0]
for pair in enumerate(words):
    pass
print("dropped each time:", gc.get_count()[0] - before)

gc.collect()
before = gc.get_count()[0]
kept = []
for pair in enumerate(words):
    kept.append(pair)
print("kept each one:", gc.get_count()[0] - before)
print(kept[0], kept[-1], kept[0] is kept[1])

e = enumerate(words)
a = next(e)
b = next(e)
print(a, b, a is b)
print(sys.getrefcount(a), sys.getrefcount(b))
del a, b

gc.collect()
before = gc.get_count()[0]
zipped = zip(words, words[::-1])
for left, right in zipped:
    pass
print("zip, unpacked:", gc.get_count()[0] - before)
del zipped

gc.collect()
before = gc.get_count()[0]
together = list(zip(words, range(6)))
print("list(zip):", gc.get_count()[0] - before, len(together))
