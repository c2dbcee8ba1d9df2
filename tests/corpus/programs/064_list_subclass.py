class TypedList(list):
    def __init__(self, kind, items=()):
        self.kind = kind
        super().__init__()
        for item in items:
            self.append(item)

    def append(self, item):
        if not isinstance(item, self.kind):
            raise TypeError(f"expected {self.kind.__name__}, got {type(item).__name__}")
        super().append(item)


nums = TypedList(int, [1, 2, 3])
nums.append(4)
print(nums, len(nums), sum(nums))
try:
    nums.append("five")
except TypeError as e:
    print("TypeError:", e)
nums.extend(["not checked"])
print(nums[-1], nums[1:3], type(nums[1:3]).__name__)


class Stack(list):
    push = list.append

    def peek(self):
        return self[-1]

s = Stack()
s.push(1); s.push(2)
print(s.peek(), s.pop(), s)
