import gc
print(gc.is_tracked(1), gc.is_tracked(10 ** 30), gc.is_tracked(1.5))
print(gc.is_tracked("abc"), gc.is_tracked(b"abc"), gc.is_tracked(None), gc.is_tracked(True))
print(gc.is_tracked([]), gc.is_tracked([1, 2]), gc.is_tracked(bytearray(3)))
print(gc.is_tracked({}), gc.is_tracked({1: 2}), gc.is_tracked({1: []}))
print(gc.is_tracked(()), gc.is_tracked({1, 2}))
class K:
    pass
def f():
    pass
print(gc.is_tracked(K()), gc.is_tracked(f), gc.is_tracked(K), gc.is_tracked(object()))
