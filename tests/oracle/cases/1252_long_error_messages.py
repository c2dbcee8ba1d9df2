# Error messages that quote what you passed: nothing is cut short
sentence = "the quick brown fox jumps over the lazy dog " * 12
words = sentence.split()

try:
    words.index(sentence)
except ValueError as e:
    print(len(str(e)), str(e)[-20:])

class Config:
    pass

try:
    getattr(Config(), "setting_" + "x" * 450)
except AttributeError as e:
    print(len(str(e)), str(e)[:40])

for text in [sentence, "é" * 300, "12" * 99 + "q"]:
    try:
        int(text)
    except ValueError as e:
        print(len(str(e)), repr(str(e)[-8:]))

try:
    float("nan" + "o" * 600)
except ValueError as e:
    print(len(str(e)), str(e)[:36])
