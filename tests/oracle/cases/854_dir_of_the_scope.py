import sys, gc
x = 1
def f(): pass
class K:
    a = 1
    print(dir())
print(dir())
d = dir()
print(sys.getsizeof(d), gc.is_tracked(d), sys.getrefcount(d))
