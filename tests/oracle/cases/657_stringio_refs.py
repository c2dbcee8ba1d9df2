# Who holds the strings? A StringIO's text is its own copy on 3.12 and
# 3.13; 3.11 keeps the written objects in a list until it joins them.
import gc
import sys
from io import StringIO

word = "".join(["ab", "cd"])
print(sys.getrefcount(word))
buf = StringIO()
print(gc.is_tracked(buf), sys.getrefcount(buf))
buf.write(word)
print(sys.getrefcount(word))
first = buf.getvalue()
print(first == word, first is word, sys.getrefcount(first))
again = buf.getvalue()
print(again is first, again == first)
buf.write("!")
print(sys.getrefcount(word), buf.getvalue())
buf.seek(0)
whole = buf.read()
print(whole, sys.getrefcount(whole), buf.read() == "")
del first, again, whole
gc.collect()
print(sys.getrefcount(word), len(gc.get_referents(buf)) >= 0)
lines = StringIO("x\ny\nz")
print(list(lines), next(iter(StringIO("solo\n"))), sys.getsizeof(lines))
it = iter(lines)
print(it is lines)
del buf
print(sys.getrefcount(word))
