# Text in other scripts: case mapping, title case and the is* tests follow
# the Unicode database of each Python version.
names = ["Ωμέγα", "привет мир", "straße", "İstanbul", "ΣΟΦΟΣ ΟΔΥΣΣΕΥΣ", "ǅungla", "ﬁnance", "Ǉubljana"]
for name in names:
    print(name.lower(), name.upper(), name.title(), name.casefold(), name.swapcase(), name.capitalize())
samples = ["١٢٣", "Ⅻ", "½", "٣.١٤", "日本語", "한국어", "ＡＢＣ", "\u2003", "x\u0301", "𝔘𝔫𝔦"]
for s in samples:
    print(s, s.isalpha(), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isalnum(), s.isspace(),
          s.isupper(), s.islower(), s.istitle(), s.isidentifier(), s.isprintable())
words = "the ΜΕΓΑΛΟΣ café ÉTÉ".split()
print(sorted(words, key=str.casefold), [w.istitle() for w in words])
print(len("straße".upper()), "ß".upper(), "ﬁ".upper(), "İ".lower(), len("İ".lower()))
