# What `import threading` does to the collector, from a clean state.
import gc
import sys

gc.collect()
import threading

print(gc.get_count())
print(gc.collect())
print(gc.get_count())
print(threading.active_count())
