# Formatting a report with textwrap.TextWrapper, as the docs and most
# tutorials do: one wrapper configured once, reused for every paragraph,
# its options changed between uses.
import sys, gc
import textwrap

paragraphs = [
    "Reference counting frees most objects the moment the last reference "
    "goes away. The cycle collector handles the rest, in generations.",
    "Small integers and interned strings are shared, which is why "
    "sys.getrefcount() can report surprisingly large numbers for them.",
]

wrapper = textwrap.TextWrapper(width=36, initial_indent="- ", subsequent_indent="  ")
for p in paragraphs:
    print(wrapper.fill(p))
print()

lines = wrapper.wrap(paragraphs[0])
print(len(lines), max(len(line) for line in lines), lines[-1])

wrapper.width = 60
wrapper.initial_indent = "* "
print(wrapper.fill(paragraphs[1]))

short = textwrap.TextWrapper(width=40, max_lines=2, placeholder=" [more]")
print(short.fill(paragraphs[0]))
print(short.width, short.max_lines, repr(short.placeholder), short.tabsize)

default = textwrap.TextWrapper()
print(default.width, repr(default.initial_indent), default.expand_tabs, default.fix_sentence_endings,
      default.break_long_words, default.max_lines, repr(default.placeholder))
print(default.wrap(""), default.fill("one short line"))

numbered = textwrap.TextWrapper(24, "1. ", "   ")
print(numbered.fill("Import textwrap, make a wrapper, call fill() on each paragraph."))

words = textwrap.TextWrapper(width=10, break_long_words=False)
print(words.wrap("supercalifragilistic is long"))

print(type(wrapper).__name__, sys.getsizeof(wrapper), gc.is_tracked(wrapper))
print(isinstance(wrapper, textwrap.TextWrapper), callable(wrapper.fill))
try:
    textwrap.TextWrapper(30, "", "", True, True, False, True, True, True, 8, 5)
except TypeError as e:
    print("TypeError:", e)
