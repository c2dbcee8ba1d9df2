from collections import Counter

text = """the cat sat on the mat the dog sat on the log
and the cat saw the dog"""
words = text.split()
freq = Counter(words)
print(freq.most_common(3))
print(freq["the"], freq["zebra"])
letters = Counter(c for c in text if c.isalpha())
print(letters.most_common(4))
a = Counter(a=3, b=1)
b = Counter(a=1, b=2, c=5)
print(a + b, a - b, a & b, a | b)
print(sum(freq.values()), len(freq))
freq.update(["cat", "cat"])
print(freq["cat"], freq.total())
print(sorted(Counter("banana").elements()))
