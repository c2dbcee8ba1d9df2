import gc
import threading
data = threading.local()
data.x = 1
print(data.x)
print(gc.get_referents(data))
