# bytes methods a program meets when it reads a file or a socket: decode,
# hex, searching, stripping and joining, and which results are new objects.
import sys

raw = b"  name=Ada; lang=Python  \n"
clean = raw.strip()
print(clean, len(raw), len(clean), sys.getsizeof(clean))
print(clean.startswith(b"name"), clean.endswith((b"C", b"Python")), clean.find(b"="), clean.rfind(b"="))
print(clean.count(b"a"), clean.count(b"=", 10), clean.index(b";"))
print(clean.upper(), clean.lower())
fields = [clean[:8], clean[10:]]
print(fields, b"|".join(fields), b"".join([b"a", bytearray(b"b"), b"c"]))
word = b"Python"
print(word.strip() is word, word.upper() is word, b"".join([word]) is word, word + b"" is word)
print(word.hex(), word.decode(), word.decode("ascii"), len(word.decode("utf-8")))
print(bytes([80, 121]), bytes(range(65, 70)), bytes((1, 2)), bytes(bytearray(b"ba")))
print(sys.getsizeof(word), sys.getsizeof(word * 3), sys.getsizeof(word[1:]))
text = "Grüße"
enc = text.encode()
print(enc, len(text), len(enc), enc.decode() == text, sys.getsizeof(enc))
print(b"ab" * 3, 2 * bytearray(b"xy"), b"a" + bytearray(b"b"), bytearray(b"a") + b"b")
print(97 in b"abc", b"bc" in b"abc", b"" in b"abc")
for bad in ("x", 1.5, [1]):
    try:
        b"abc" + bad
    except TypeError as e:
        print("TypeError:", e)
try:
    "s" in b"abc"
except TypeError as e:
    print("TypeError:", e)
try:
    b"abc".index(b"z")
except ValueError as e:
    print("ValueError:", e)
try:
    bytes([1, 256])
except ValueError as e:
    print("ValueError:", e)
