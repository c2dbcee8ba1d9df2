TEXT = """It was the best of times, it was the worst of times,
it was the age of wisdom, it was the age of foolishness,
it was the epoch of belief, it was the epoch of incredulity"""


def normalize(word):
    return word.strip(".,;:!?").lower()


def count_words(text):
    counts = {}
    for line in text.split("\n"):
        for raw in line.split():
            word = normalize(raw)
            if word:
                counts[word] = counts.get(word, 0) + 1
    return counts


counts = count_words(TEXT)
pairs = list(counts.items())
pairs.sort(key=lambda p: (-p[1], p[0]))
for word, n in pairs[:6]:
    print(word.ljust(12), "#" * n, n)
print(len(counts), "distinct words,", sum(counts.values()), "in total")
longest = ""
for w in counts:
    if len(w) > len(longest):
        longest = w
print("longest:", longest, len(longest))
