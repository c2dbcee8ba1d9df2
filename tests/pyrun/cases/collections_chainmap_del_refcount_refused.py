import sys
from collections import ChainMap
scope = ChainMap({}, {"y": 2})
try:
    del scope["y"]
except KeyError as e:
    print(e)
print(sys.getrefcount(scope))  # __delitem__'s frame still holds it in CPython (a cycle)
