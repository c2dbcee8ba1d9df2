class _Entry:
    __slots__ = ("key", "value", "prev", "next")

    def __init__(self, key=None, value=None):
        self.key, self.value = key, value
        self.prev = self.next = None


class LRU:
    """Dict + doubly linked list: O(1) get and put."""

    def __init__(self, capacity):
        self.capacity = capacity
        self.map = {}
        self.head, self.tail = _Entry(), _Entry()
        self.head.next, self.tail.prev = self.tail, self.head

    def _unlink(self, e):
        e.prev.next, e.next.prev = e.next, e.prev

    def _push_front(self, e):
        e.next, e.prev = self.head.next, self.head
        self.head.next.prev = e
        self.head.next = e

    def get(self, key, default=None):
        e = self.map.get(key)
        if e is None:
            return default
        self._unlink(e)
        self._push_front(e)
        return e.value

    def put(self, key, value):
        if key in self.map:
            self._unlink(self.map.pop(key))
        e = self.map[key] = _Entry(key, value)
        self._push_front(e)
        if len(self.map) > self.capacity:
            last = self.tail.prev
            self._unlink(last)
            del self.map[last.key]

    def keys(self):
        e, out = self.head.next, []
        while e is not self.tail:
            out.append(e.key)
            e = e.next
        return out


c = LRU(3)
for k in "abcd":
    c.put(k, k.upper())
print(c.keys(), c.get("a"), c.get("b"))
c.put("e", "E")
print(c.keys(), len(c.map))
