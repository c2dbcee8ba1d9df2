# Parsing a raw payload the way network and file code does: split bytes
# into fields, clean them, and see which results are new objects.
import sys

payload = b"id,name,score\n1,ada,90\n2,alan,85\n3,grace,97\n"
rows = payload.strip().split(b"\n")
print(len(rows), sys.getsizeof(rows), rows[0])
header = rows[0].split(b",")
print(header, sys.getsizeof(header))
for row in rows[1:]:
    num, name, score = row.split(b",")
    print(int(num), name.decode().title(), int(score))
line = b"  many   spaces\there  "
print(line.split(), line.split(None, 1), line.rsplit(None, 1), sys.getsizeof(line.split(None, 1)))
word = b"token"
print(word.split() == [word], word.split()[0] is word, word.split(b",")[0] is word)
print(b"a-b-c-d".split(b"-", 2), b"a-b-c-d".rsplit(b"-", 2), b"a--b".split(b"-"), b"".split(), b"".split(b","))
many = b" ".join([b"w"] * 20).split()
print(len(many), sys.getsizeof(many))
print(word.replace(b"x", b"y") is word, word.replace(b"o", b"0"), word.replace(b"t", b"T", 1))
print(b"abc".replace(b"", b"."), b"aaa".replace(b"a", b""), b"banana".replace(b"an", b"AN"))
raw = bytearray(b"key=value; key2=value2")
fields = raw.split(b"; ")
print(fields, type(fields[0]).__name__, sys.getsizeof(fields[0]))
print(raw.replace(b"=", b": "), raw.replace(b"?", b"!") is raw)
try:
    payload.split("\n")
except TypeError as e:
    print("TypeError:", e)
try:
    payload.split(b"")
except ValueError as e:
    print("ValueError:", e)
try:
    payload.replace("a", "b")
except TypeError as e:
    print("TypeError:", e)
