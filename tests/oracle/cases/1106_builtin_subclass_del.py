# A __del__ on a subclass of a built-in type runs when the last reference
# goes, or when the collector frees a cycle, just as for a plain class.
import gc
import sys

class Basket(list):
    def __del__(self):
        print("  basket emptied:", list(self))

class Registry(dict):
    def __del__(self):
        print("  registry closed with", len(self), "entries")

class Tags(set):
    def __del__(self):
        print("  tags dropped:", sorted(self))

class Payload(bytes):
    def __del__(self):
        print("  payload freed:", bytes(self))

class Label(str):
    def __del__(self):
        print("  label freed:", str(self))

print("refcounting:")
b = Basket(["apple", "pear"])
print(sys.getsizeof(b), gc.is_tracked(b), sys.getrefcount(b))
del b
r = Registry(a=1, b=2)
alias = r
del r
print("  (still one name)")
del alias
t = Tags({"red", "blue"})
t = None
p = Payload(b"\x00\x01")
print(sys.getsizeof(p), len(p))
del p
lab = Label("hello")
print(sys.getsizeof(lab), lab.upper())
del lab

print("in a list:")
items = [Basket([i]) for i in range(3)]
del items

print("cycles:")
gc.collect()
b = Basket()
b.append(b)
r = Registry()
r["self"] = r
del b, r
print("  nothing yet")
print("collected:", gc.collect())

print("resurrection:")
saved = []
class Keeper(list):
    def __del__(self):
        print("  saving", list(self))
        saved.append(self)

k = Keeper([1, 2])
del k
print(len(saved), saved[0], gc.is_finalized(saved[0]))
saved.clear()
print("end")
