# String interning and one-character strings: the literal 'a' is interned
# with the program's names; chr(97), s[0] and ''.join give the cached
# one-character object.  CPython 3.11 and 3.12 keep some of these apart
# (their own statically allocated strings); 3.13 makes them one object.
import sys

a = "a"
h = "h"
word = "hello"
print(a == chr(97), a is chr(97), a is "abc"[0:1])
print(word[0] == h, word[0] is h, chr(104) is word[0])
for text in ["a", "x", "h", "q", "_"]:
    built = "".join(list(text))
    print(repr(text), text == built, text is built, sys.intern(built) is text)


class Box:
    pass


box = Box()
setattr(box, chr(97), 1)
key = list(box.__dict__)[0]
print(key is a, key is chr(97))
d = {chr(97): 1}
print(list(d)[0] is a, list(d)[0] is chr(97))
print(str(a) is a, a * 1 is a, a.strip() is a, f"{a}" is a)
