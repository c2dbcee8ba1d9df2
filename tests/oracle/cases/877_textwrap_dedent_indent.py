# textwrap.dedent and textwrap.indent as scripts use them: a help text
# written indented in the source, code indented for display, a predicate
# choosing the lines, the result strings (kind and size), their errors.
import sys
import textwrap

def show_help():
    text = """\
        Usage: tool [options]

            -h   show this help
            -v   be verbose
        \t
        Done.
    """
    return textwrap.dedent(text)

out = show_help()
print(out)
print(repr(out), len(out), sys.getsizeof(out))
print(repr(textwrap.dedent("  a\n\tb\n")), repr(textwrap.dedent("    x\n  y\n      z")), repr(textwrap.dedent("")))
print(repr(textwrap.dedent("  \n  hello\n   \n  world  \n")), repr(textwrap.dedent("\t\tone\n\t two")))
s = "no indent\n here"
print(textwrap.dedent(s) is s, textwrap.dedent("  é\n  ü") , sys.getsizeof(textwrap.dedent("  é\n  ü")))
code = "def f():\n    return 1\n\n\nprint(f())\n"
print(textwrap.indent(code, "    "))
print(repr(textwrap.indent("a\n\n  \nb", "> ")), repr(textwrap.indent("a\r\nb\rc", "+")))
print(repr(textwrap.indent("line one\nline two", "# ", lambda line: "two" in line)))
print(repr(textwrap.indent("", "x")), repr(textwrap.indent("   ", "x")), repr(textwrap.indent("abc", "")))
t = "  ".join(["a", "b"])
print(textwrap.indent(t, "", lambda l: False) is t, sys.getsizeof(textwrap.indent("x" * 20, "€")))
try:
    textwrap.indent("a")
except TypeError as e:
    print(e)
try:
    textwrap.dedent("a", "b")
except TypeError as e:
    print(e)
