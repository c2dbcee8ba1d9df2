# "Why is sys.getrefcount(1) so big?"  Counting references to objects the
# whole interpreter shares.
import sys

before = sys.getrefcount(None)
settings = {"debug": None, "verbose": None}
defaults = [None] * 3
print("None gained", sys.getrefcount(None) - before)
print("huge?", sys.getrefcount(None) > 10**9, sys.getrefcount(True) > 10**9)
flag = True
print("huge?", sys.getrefcount(1) > 10**9, sys.getrefcount(()) > 10**9)
print("the number itself:", sys.getrefcount(1))
