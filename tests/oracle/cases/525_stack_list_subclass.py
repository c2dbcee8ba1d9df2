# A stack built on list, the way a textbook writes one: the instance is a
# list (its items, len(), iteration) with the class's methods on top.
import sys
import gc


class Stack(list):
    """Last in, first out."""

    def push(self, item):
        self.append(item)

    def peek(self):
        if not self:
            raise IndexError("peek from an empty stack")
        return self[-1]

    def is_empty(self):
        return len(self) == 0

    def __repr__(self):
        return f"Stack({super().__repr__()})"


s = Stack()
print(type(s).__name__, isinstance(s, list), isinstance(s, Stack), s.is_empty())
print("empty stack:", sys.getsizeof(s), "bytes; an empty list:", sys.getsizeof([]))
print("tracked:", gc.is_tracked(s), gc.is_tracked([]))
for word in ["alpha", "beta", "gamma", "delta", "epsilon"]:
    s.push(word)
    print(f"push {word!r:10} len={len(s)} size={sys.getsizeof(s)}")
print(s)
print("peek:", s.peek(), "pop:", s.pop(), "pop:", s.pop())
print(s, len(s), s.is_empty())
print("refcount of the class:", sys.getrefcount(Stack))
t = Stack(range(4))
print(t, sys.getsizeof(t), sys.getsizeof(list(range(4))))
print("refcount of the class:", sys.getrefcount(Stack))
u = s + t
print(type(u).__name__, u)
s += ["zeta"]
print(type(s).__name__, s)
print(Stack.__mro__)
print(Stack.__base__, Stack.__bases__)
print(Stack.append, Stack.__init__)
del t
print("refcount of the class:", sys.getrefcount(Stack))
try:
    Stack().peek()
except IndexError as e:
    print("IndexError:", e)
print(gc.collect())
