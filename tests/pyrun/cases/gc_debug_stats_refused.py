# gc.DEBUG_SAVEALL is modelled; the statistics DEBUG_STATS prints are not
import gc
gc.set_debug(gc.DEBUG_SAVEALL)
print(gc.get_debug())
gc.set_debug(0)
gc.set_debug(gc.DEBUG_STATS)
gc.collect()
print("done")
