from collections import namedtuple

Token = namedtuple("Token", "kind text pos")
KEYWORDS = {"let", "print"}


def tokenize(src):
    i = 0
    while i < len(src):
        ch = src[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit():
            start = i
            while i < len(src) and (src[i].isdigit() or src[i] == "."):
                i += 1
            yield Token("NUMBER", src[start:i], start)
        elif ch.isalpha() or ch == "_":
            start = i
            while i < len(src) and (src[i].isalnum() or src[i] == "_"):
                i += 1
            word = src[start:i]
            yield Token("KEYWORD" if word in KEYWORDS else "NAME", word, start)
        elif ch in "+-*/=()":
            yield Token("OP", ch, i)
            i += 1
        else:
            raise SyntaxError(f"unexpected {ch!r} at {i}")


for tok in tokenize("let rate = 3.5 * (base + 12)"):
    print(f"{tok.kind:<8}{tok.text!r:<8}@{tok.pos}")
try:
    list(tokenize("x = 1 $ 2"))
except SyntaxError as e:
    print("error:", e)
