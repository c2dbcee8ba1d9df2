# How big is an OrderedDict?  sys.getsizeof counts the dict, then an
# array of node pointers as large as the dict's hash table, then one
# 32-byte node per key.  Moving keys around costs nothing; clear() gives
# all of it back.
import gc
import sys
from collections import OrderedDict

od = OrderedDict()
plain = {}
print("empty", sys.getsizeof(od), sys.getsizeof(plain))
for i in range(12):
    od[i] = i * i
    plain[i] = i * i
    print(len(od), sys.getsizeof(od), sys.getsizeof(plain), sys.getsizeof(od) - sys.getsizeof(plain))
od.move_to_end(0)
od.move_to_end(11, last=False)
print(list(od)[:4], sys.getsizeof(od))
for i in range(0, 12, 3):
    del od[i]
print(len(od), sys.getsizeof(od), list(od))
print(od.pop(1), od.pop(99, "missing"), od.setdefault(50, "new"), len(od), sys.getsizeof(od))
od.clear()
print("cleared", sys.getsizeof(od), od)
words = OrderedDict.fromkeys(["red", "green", "blue"], 0)
print(words, sys.getsizeof(words))
tagged = OrderedDict(a=1, b=2)
print(tagged, sys.getsizeof(tagged), sys.getsizeof(dict(tagged)))
big = OrderedDict((n, str(n)) for n in range(100))
print(sys.getsizeof(big), sys.getsizeof(dict(big)), sys.getsizeof(big.copy()))
print(gc.is_tracked(OrderedDict()), gc.is_tracked(OrderedDict(x=1)))
key = "some" + "thing" * 2
print(sys.getrefcount(key))
plain[key] = 1
print(sys.getrefcount(key))
tagged[key] = 1
print(sys.getrefcount(key))
del tagged[key]
del plain[key]
print(sys.getrefcount(key))
print(gc.get_referents(OrderedDict([("x", [1]), ("y", [2])])))
print(sys.getsizeof(od.keys()), sys.getsizeof(iter(od)), sys.getsizeof(reversed(tagged)))
print(type(tagged.keys()).__name__, type(tagged.items()).__name__, type(iter(tagged)).__name__)
