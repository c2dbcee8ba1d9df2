# Keyword arguments: handled, or CPython's TypeError; never dropped.
words = ["pear", "fig", "banana", "kiwi"]
print(sorted(words, key=len), sorted(words, key=len, reverse=True))
print(max(words, key=len), min(words, key=len), max([], default="none"))
words.sort(key=len)
print(words, sum([1, 2], start=10), list(enumerate("ab", start=5)))
for call in (lambda: sorted(words, cmp=1), lambda: len(words, x=1), lambda: words.append(x=1),
             lambda: min(1, 2, default=0), lambda: words.sort(1)):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
