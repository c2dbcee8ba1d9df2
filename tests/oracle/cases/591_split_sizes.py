# How big are the lists str.split and str.splitlines hand back?
import sys

line = "the quick brown fox jumps"
words = line.split()
print(words, len(words), sys.getsizeof(words))
print(sys.getsizeof("".split()), sys.getsizeof("single".split()))
csv = "id,name,score,,comment"
fields = csv.split(",")
print(fields, sys.getsizeof(fields))
print(csv.split(",", 2), sys.getsizeof(csv.split(",", 2)))
print(csv.rsplit(",", 1), sys.getsizeof(csv.rsplit(",", 1)))
print("a::b::c".split("::"), "nothing here".split("|"))
many = " ".join(str(i) for i in range(30))
parts = many.split()
print(len(parts), sys.getsizeof(parts))
parts.append("more")
print(sys.getsizeof(parts))

text = "first line\nsecond line\r\nthird\n\nfifth"
lines = text.splitlines()
print(lines, sys.getsizeof(lines))
print(text.splitlines(keepends=True))
print("no breaks".splitlines(), "".splitlines(), sys.getsizeof("".splitlines()))

# a text with nothing to split is itself the only item
solo = "unbroken"
pieces = solo.split()
print(pieces[0] is solo, solo.split(",")[0] is solo, solo.splitlines()[0] is solo)
print(sys.getrefcount(solo))
del pieces
print(sys.getrefcount(solo))
