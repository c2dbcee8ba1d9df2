# repr() of text with characters a terminal would not show: C1 controls,
# no-break and zero-width spaces, the byte order mark, a lone surrogate,
# private-use and unassigned code points are escaped; letters and emoji
# of every script are kept.
samples = ["café", "naïve\xa0space", "tab\there", "\x85next line", "zero\u200bwidth",
           "\ufeffBOM", "日本語", "emoji 😀", "\ud800", "\ue000", "\u0378", "\U0001FAE8", "\U0001FA7D"]
for s in samples:
    print(repr(s), len(s))
print(repr(samples[:3]))
try:
    print([0] * 2.5)
except TypeError as err:
    print(err)
try:
    print(3.0 * "ab")
except TypeError as err:
    print(err)
