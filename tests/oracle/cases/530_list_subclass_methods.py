# Ways a list subclass reaches list's own methods: an alias in the class
# body, super() with and without arguments, the unbound method, a bound
# method kept in a name.
import sys


class Stack(list):
    push = list.append

    def push_all(self, *items):
        super().extend(items)

    def push_twice(self, item):
        super(Stack, self).append(item)
        self.push(item)

    def append(self, item):
        super().append(item * 10)


s = Stack()
s.push(1)
s.push_all(2, 3)
s.push_twice(4)
s.append(5)
print(s, len(s), Stack.push is list.append)
grow = s.push
grow(6)
list.append(s, 7)
print(s, sys.getrefcount(s), sys.getsizeof(s))
del grow
print(sys.getrefcount(s))
s.clear()
print(s, sys.getsizeof(s), s.count(1), type(s.copy()).__name__)
