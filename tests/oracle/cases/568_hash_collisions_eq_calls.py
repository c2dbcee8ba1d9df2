# Why a bad __hash__ makes dicts slow: every key collides, so a lookup
# has to ask __eq__ about each key on the probe path.
class Word:
    comparisons = 0

    def __init__(self, text):
        self.text = text

    def __hash__(self):
        return 7                      # every Word collides

    def __eq__(self, other):
        Word.comparisons += 1
        print(f"  {self.text} == {other.text}?")
        return self.text == other.text

    def __repr__(self):
        return self.text


counts = {}
for w in "the cat sat on the mat".split():
    print("add", w)
    key = Word(w)
    counts[key] = counts.get(key, 0) + 1
print(counts)
print("comparisons:", Word.comparisons)
Word.comparisons = 0
print(Word("mat") in counts, Word("dog") in counts)
print("comparisons:", Word.comparisons)
del counts[Word("cat")]
counts[Word("hat")] = 1
print(counts, Word.comparisons)
