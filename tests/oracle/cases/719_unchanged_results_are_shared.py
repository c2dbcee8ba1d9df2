# "Copying" an immutable object often gives the same object back: a full
# slice of a str, bytes or tuple, s * 1, t + (), "".join([s]), f"{s}",
# "%s" % s, "{}".format(s). A list is always copied. The reference counts
# show it.
import sys

word = "".join(["immu", "table"])
print(sys.getrefcount(word))
copies = [word[:], word[0:], word[::1], word * 1, word + "", "".join([word]), ", ".join((word,)),
          f"{word}", f"{word!s}", "%s" % word, "%s" % (word,), "{}".format(word), "{0}".format(word),
          format(word), str(word)]
print(all(c is word for c in copies), sys.getrefcount(word))
print(word[1:] is word, word[:-1] is word, f"{word!r}" is word, "%r" % word is word, "{:>3}".format(word) is word)
print(f"[{word}]", "%-5s|" % word, "%.3s" % word, "{:^15}".format(word))
del copies
print(sys.getrefcount(word))

point = tuple([3, 4])
same = [point[:], point * 1, point + (), () + point, tuple(point)]
print(all(t is point for t in same), sys.getrefcount(point))
print(point[::-1], point * 2, point + (5,), (point * 0) is ())
del same

data = bytes([1, 2, 3, 4])
print(data[:] is data, (data * 1) is data, (data + b"") is data, data[1:] is data, sys.getrefcount(data))

items = [1, 2, 3]
clone = items[:]
print(clone is items, clone == items, (items * 1) is items)

flag = 3 > 2
texts = [str(flag), repr(flag), f"{flag}", "%s" % flag, "{}".format(flag), format(flag), "%r" % flag]
print(texts, all(t is texts[0] for t in texts))
print(str(True) is str(True), str(None) is str(None), f"{flag:>6}", "%d" % flag)
tag = "".join(["", "x"])
print(tag, len(tag), sys.getrefcount(tag))
