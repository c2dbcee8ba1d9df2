import gc
print(gc.isenabled())
try:
    gc.enable(1, 2, 3)
except TypeError as e:
    print(e)
try:
    gc.collect(1, 2)
except TypeError as e:
    print(e)
