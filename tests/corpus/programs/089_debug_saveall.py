import gc


class Leaf:
    def __init__(self, tag):
        self.tag = tag
        self.me = self


gc.collect()
gc.set_debug(gc.DEBUG_SAVEALL)
for tag in "xyz":
    Leaf(tag)
print(gc.collect())
print(len(gc.garbage))
tags = sorted(o.tag for o in gc.garbage if isinstance(o, Leaf))
print(tags)
gc.set_debug(0)
gc.garbage.clear()
print(gc.get_debug(), len(gc.garbage))
