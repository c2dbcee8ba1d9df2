# Counting words with a plain dict: the first += on a missing key raises
# KeyError, and the caret line marks the subscript being read.
text = "the cat and the hat"
counts = {}
for word in text.split():
    counts[word] += 1
print(counts)
