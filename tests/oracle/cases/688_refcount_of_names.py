# A string that is also a name in the program: 3.12 makes every interned
# string immortal, 3.13 only the names the code uses.
import sys

label = "total_count"          # the same text as a variable below
other = "zz_top"               # a constant and nothing else
print(sys.getrefcount(label))
total_count = 0
print(sys.getrefcount("total_count"), sys.getrefcount(other))


def describe(item_name):
    return sys.getrefcount("item_name")


print(describe("x"))
built = "".join(["total", "_count"])   # equal, but a new string
print(built == label, built is label, sys.getrefcount(built))
print(sys.intern(built) is label)
