from collections import ChainMap
scope = ChainMap({}, {"y": 2})
try:
    del scope["y"]
except KeyError as e:
    print(repr(e.__context__))
    print(e.__traceback__.tb_next)  # CPython's next entry is __delitem__'s frame
