import textwrap
w = textwrap.TextWrapper(width=20)
print(w.fill("a few words to wrap at twenty columns"))
print(vars(w))  # the instance dict's layout comes from Lib's __init__ code
