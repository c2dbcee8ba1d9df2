# Strings built from literals are folded and interned like a literal would be.
import sys

KEY = "user" + "_id"
print(KEY is "user_id", KEY == "user_id")
prefix = "user"
runtime = prefix + "_id"
print(runtime is KEY, runtime == KEY, sys.intern(runtime) is KEY)

LINE = "-" * 40
print(LINE is "-" * 40, len(LINE))
BIG = "ab" * 2048
print(BIG is "ab" * 2048)
TOO_BIG = "ab" * 2049
print(TOO_BIG is "ab" * 2049, len(TOO_BIG))

greeting = "hello, " + "world"
print(greeting is "hello, world", sys.getrefcount(greeting))
print("hello"[0], "hello"[1] is "e", "hello"[-1])

# sys.intern interns the very object it is given when no equal string is interned yet
joined = "".join(["memory ", "model"])
print(sys.intern(joined) is joined)
other = "".join(["memory ", "model"])
print(sys.intern(other) is joined, other is joined)

# % formatting is never folded
fmt = "%s-%s" % ("a", "b")
print(fmt, fmt is "a-b")
print(b"ab" + b"cd" is b"abcd", b"x" * 3)
