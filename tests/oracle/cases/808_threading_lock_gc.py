# A lock is an object the collector tracks: each Lock() counts one allocation.
import gc
import threading
gc.collect()
locks = [threading.Lock() for _ in range(5)]
print(gc.get_count())
a = threading.Lock()
print(gc.get_count())
print(gc.is_tracked(a), len(locks))
