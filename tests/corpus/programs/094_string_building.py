import sys

parts = []
for i in range(1000):
    parts.append(str(i))
joined = ",".join(parts)
print(len(joined), sys.getsizeof(joined))

s = ""
for i in range(1000):
    s += str(i) + ","
s = s[:-1]
print(s == joined)

print(sys.getsizeof("x" * 100), sys.getsizeof("é" * 100), sys.getsizeof("€" * 100))
print(sys.getsizeof("🐍"), len("🐍"), len("🐍".encode("utf-8")))

words = ["alpha", "beta", "gamma"]
sentence = " ".join(w.capitalize() for w in words)
print(sentence, sentence.lower().split(), sentence.count("a"))
b = bytearray()
for w in words:
    b += w.encode()
print(b, len(b), sys.getsizeof(b) > len(b))
