# How many references does a string have?  It depends on the string.
import sys

greeting = "hello, world"
print(sys.getrefcount(greeting))          # the name, the constant, the argument
words = [greeting, greeting]
print(sys.getrefcount(greeting))
copy = "".join(["hello, ", "world"])      # an equal string, a new object
print(copy == greeting, copy is greeting, sys.getrefcount(copy))
interned = sys.intern(copy)
print(interned is greeting, sys.getrefcount(greeting))
field = "name"                            # 3.11 ships this one as a static object
print(sys.getrefcount(field))
