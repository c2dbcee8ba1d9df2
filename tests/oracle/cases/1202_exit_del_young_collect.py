# gc.collect(0) and gc.collect(1) only look at the young generations.
import gc


class Tracked:
    def __init__(self, label):
        self.label = label

    def __del__(self):
        print("del", self.label)


a = Tracked("a")
a.kids = [Tracked("k1"), Tracked("k2")]
gc.collect(0)
b = Tracked("b")
b.peer = Tracked("b-peer")
gc.collect(1)
c = Tracked("c")
c.peer = Tracked("c-peer")
print("end")
