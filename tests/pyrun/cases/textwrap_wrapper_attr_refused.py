import textwrap
w = textwrap.TextWrapper(width=30)
print(w.fill("the class has more names in CPython"))
print(w.wordsep_re)  # Lib's regex, not the model's
