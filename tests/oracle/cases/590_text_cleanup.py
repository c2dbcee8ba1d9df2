# Cleaning up user-entered names and laying them out in a table.
import sys

raw = ["  alice SMITH ", "bob o'neil", "\tCHARLIE brown\n", "dana"]
clean = []
for entry in raw:
    name = entry.strip().title()
    clean.append(name)
print(clean)

print("+" + "-" * 22 + "+")
for i, name in enumerate(clean):
    print("|" + name.ljust(14, ".") + str(i).rjust(4) + str(len(name)).center(4) + "|")
print("+" + "-" * 22 + "+")

title = "report"
print(title.upper().center(24, "="))
print("mixed Case".swapcase(), "lowercase START".capitalize(), "Straight".casefold())
print("-7".zfill(4), "+3".zfill(4), "12345".zfill(3), "".zfill(2))
print("x,y;z".lstrip("x,"), "..end..".rstrip("."), "<<tag>>".strip("<>"))
print("café".upper(), "ÀÉÎ".lower(), "naïve text".title())

# the unchanged text is the same object; a case mapping always makes a new one
word = "memory"
print(word.strip() is word, word.ljust(3) is word, word.center(6) is word)
print(word.lower() is word, word.lower() == word)
print(sys.getsizeof(word), sys.getsizeof(word.center(10)), sys.getsizeof("é".center(5)))
pad = word.rjust(12)
print(sys.getrefcount(pad), len(pad), repr(pad))
