import textwrap
s = "The quick brown fox jumps over the lazy dog. " * 4
print(textwrap.fill(s, width=30))
print(textwrap.wrap(s, 25)[:3])
print(textwrap.shorten(s, width=40))
code = """
    def f():
        return 1
"""
print(textwrap.dedent(code))
print(textwrap.indent("a\nb\n", "> "))
print(textwrap.fill("hello world", width=8, initial_indent="* ", subsequent_indent="  "))
