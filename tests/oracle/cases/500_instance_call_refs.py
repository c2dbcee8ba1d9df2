# References held while an instance's __call__ runs, and what it returns.
import sys


class Memo:
    def __init__(self, fn):
        self.fn = fn
        self.cache = {}

    def __call__(self, n):
        if n not in self.cache:
            self.cache[n] = self.fn(n)
        return self.cache[n]


def square(n):
    return n * n


memo = Memo(square)
print(memo(4), memo(4), memo(5), sorted(memo.cache.items()))
print(sys.getrefcount(memo), sys.getrefcount(square))


class Probe:
    def __call__(self, arg):
        return sys.getrefcount(self), sys.getrefcount(arg)


p = Probe()
item = [1, 2]
print(p(item))
print(sys.getrefcount(p), sys.getrefcount(item))


class Gen:
    def __call__(self, n):
        for i in range(n):
            yield i * i


print(list(Gen()(4)))


NOTHING = ["nothing"]


class Box:
    def __init__(self, content, label=NOTHING):
        print("in __init__:", sys.getrefcount(content), sys.getrefcount(label))
        self.content = content


tag = ["tag"]
box = Box(item)
box = Box(item, label=tag)
box = Box(item, tag)
print(sys.getrefcount(item), sys.getrefcount(tag))
