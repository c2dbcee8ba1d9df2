# deepcopy of an instance: its transient objects are not all replayed, so
# the young count is refused until a full collection; after one it is known.
import gc
import copy


class Box:
    def __init__(self):
        self.items = [1]


gc.collect()
b = copy.deepcopy(Box())
gc.collect()
print(gc.get_count())
c = copy.deepcopy(b)
print(gc.get_count())
