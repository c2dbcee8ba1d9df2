import sys
class Box:
    def __init__(self, item):
        self.item = item
    def count(self):
        return sys.getrefcount(self)
    def count_item(self):
        return sys.getrefcount(self.item)
thing = []
print(sys.getrefcount(thing))
b = Box(thing)
print(sys.getrefcount(thing))
c = Box(thing)
c.other = thing
print(sys.getrefcount(thing))
print(b.count_item())
print(sys.getrefcount(b))
print(b.count())
print(Box(thing).count())
del c.other
print(sys.getrefcount(thing))
b.item = None
print(sys.getrefcount(thing))
c = None
print(sys.getrefcount(thing))
