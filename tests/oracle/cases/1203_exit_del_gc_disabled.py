# With the collector disabled, exit-time cleanup still runs the __del__
# methods, but in another order.
import gc


class Tracked:
    def __init__(self, label):
        self.label = label

    def __del__(self):
        print("del", self.label)


gc.disable()
x = Tracked("x")
x.peer = Tracked("x-peer")
y = Tracked("y")
z = [Tracked("z1"), Tracked("z2")]
print("end")
