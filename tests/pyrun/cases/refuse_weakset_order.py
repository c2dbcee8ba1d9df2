# Walking a WeakSet of two objects: CPython's order follows the objects'
# addresses (their hashes), which the model does not follow: refused.
import weakref


class Listener:
    def __init__(self, name):
        self.name = name


a = Listener("a")
b = Listener("b")
listeners = weakref.WeakSet([a, b])
print(len(listeners))
for l in listeners:
    print(l.name)
