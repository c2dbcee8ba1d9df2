# The young generation's count around subclass instances: each one is one
# GC allocation, its __dict__ another; super().__init__ makes its argument
# tuple on the way (3.12+ refused: see REFUSED).
import gc


class Bag(dict):
    def __init__(self, items):
        super().__init__(items)
        self.seen = 0


class Row(list):
    pass


gc.collect()
print(gc.get_count())
rows = [Row([i, i * i]) for i in range(5)]
print(gc.get_count())
bag = Bag({"x": 1})
print(gc.get_count())
bag2 = Bag({"y": 2})
print(gc.get_count())
print(rows[2], bag, bag2.seen)
del rows
print(gc.get_count())
