import gc
gc.disable()
gc.collect()
def make():
    def rec(n):
        if n == 0:
            return 0
        return rec(n - 1) + 1
    return rec
f = make()
print(f(5))
del f
print(gc.collect())
def plain():
    return 1
print(gc.collect())
