# Formatting paragraphs for a terminal, the way a tutorial on textwrap does:
# wrap, fill with indents, shorten with a placeholder, long words, hyphens,
# and what the returned strings and lists cost.
import sys
import textwrap

sample = """The Zen of Python, by Tim Peters. Beautiful is better than ugly.
Explicit is better than implicit. Simple is better than complex.
Complex is better than complicated. Flat is better than nested."""

for width in (20, 35, 50):
    lines = textwrap.wrap(sample, width=width)
    print(f"width {width}: {len(lines)} lines, longest {max(map(len, lines))}")
    for line in lines:
        print(f"  |{line:<{width}}|")

print(textwrap.fill(sample, width=40, initial_indent="  * ", subsequent_indent="    "))
print()

# A bulleted list, each item wrapped under its bullet
items = ["Readability counts.",
         "Special cases aren't special enough to break the rules, although practicality beats purity.",
         "Errors should never pass silently, unless explicitly silenced."]
for n, item in enumerate(items, 1):
    print(textwrap.fill(item, 36, initial_indent=f"{n}. ", subsequent_indent="   "))

# shorten collapses whitespace and truncates at a word
title = "  A   very    long headline   that will not fit in a narrow column  "
for w in (12, 20, 30, 80):
    s = textwrap.shorten(title, width=w)
    print(w, repr(s), len(s))
print(textwrap.shorten(title, 25, placeholder="..."))

# long words and hyphens
print(textwrap.wrap("Supercalifragilisticexpialidocious words are split", 10))
print(textwrap.wrap("Supercalifragilisticexpialidocious words are split", 10, break_long_words=False))
print(textwrap.wrap("a well-known, state-of-the-art, self-contained e-mail client", 12))
print(textwrap.wrap("a well-known, state-of-the-art, self-contained e-mail client", 12, break_on_hyphens=False))
print(textwrap.wrap("Look, goof-ball -- use the -b option!", 6))

# tabs, newlines and sentence endings
print(textwrap.wrap("col1\tcol2\tcol3\nnext line", 14))
print(textwrap.wrap("col1\tcol2", 30, tabsize=4), textwrap.wrap("col1\tcol2", 30, expand_tabs=False))
print(textwrap.fill("It ends. Here it starts. Really? Yes.", 60, fix_sentence_endings=True))

# max_lines keeps the first lines and marks the cut
print(textwrap.wrap(sample, 30, max_lines=2))
print(textwrap.fill(sample, 30, max_lines=3, placeholder=" (more)"))

# empty input, and the objects returned
print(textwrap.wrap(""), repr(textwrap.fill("   ")))
lines = textwrap.wrap("tiny text here", 6)
print(lines, sys.getsizeof(lines), [sys.getsizeof(s) for s in lines])
print(sys.getrefcount(lines), sys.getrefcount(lines[0]))
para = textwrap.fill("café naïve résumé déjà vu", 11)
print(para.splitlines(), sys.getsizeof(para))
try:
    textwrap.wrap("abc", width=0)
except ValueError as e:
    print("ValueError:", e)
try:
    textwrap.shorten("abc def", 3, placeholder=" [more]")
except ValueError as e:
    print("ValueError:", e)
