import gc
import random
gc.collect()
random.seed(3)
print(gc.get_count())
