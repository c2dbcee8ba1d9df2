import gc
print(gc.get_threshold())
gc.set_threshold(100, 5, 3)
print(gc.get_threshold())
gc.set_threshold(50)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
print(gc.get_threshold())
print(gc.isenabled())
