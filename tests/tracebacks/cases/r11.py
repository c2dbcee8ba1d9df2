import gc
gc.collect(5)
