# Sets of strings and bytes iterate in the order CPython's hash puts them
# (SipHash-1-3; the oracle runs with PYTHONHASHSEED=0, hash randomisation off).
words = {"héllo", "日本", "naïve", "zebra", "a", "", "straße", "emoji😀", "x" * 40}
print(sorted(words) == sorted(set(words)), len(words))
print(words)
print(set("mississippi"), {b"ab", b"cd", b"ef", b""})
d = {}
for w in ["pear", "apple", "fig"]:
    d[w] = len(w)
print(d, set(d), frozenset(["red", "green", "blue"]))
