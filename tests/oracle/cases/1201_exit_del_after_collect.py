# An explicit gc.collect() in the middle changes where objects sit in the
# collector's lists; the order of __del__ at exit follows.
import gc


class Tracked:
    def __init__(self, label):
        self.label = label

    def __del__(self):
        print("del", self.label)


first = Tracked("first")
first.children = [Tracked("child-a"), Tracked("child-b")]
print("collected:", gc.collect())
second = Tracked("second")
second.partner = Tracked("partner")
items = (Tracked("t1"), Tracked("t2"))
print("end of program")
