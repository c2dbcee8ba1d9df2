# *args and **kwargs: the tuple and dict a call builds, and who holds what.
import gc
import sys


def describe(*args, **kwargs):
    print("args:", args, "kwargs:", kwargs)
    print("  sizes:", sys.getsizeof(args), sys.getsizeof(kwargs))
    print("  tracked:", gc.is_tracked(args), gc.is_tracked(kwargs))
    print("  refcounts:", sys.getrefcount(args), sys.getrefcount(kwargs))


describe()
describe(1, 2, 3)
describe(a=1, b=2)
describe(1, "two", three=3)

payload = [10, 20, 30]
options = {"sep": "-", "end": "!\n"}
describe(*payload)
describe(*payload, **options)
print(*payload, **options)
print(*"abc", sep="")

item = object()
pair = (item, item)


def count_inside(x, y=None):
    return sys.getrefcount(x)


def count_varargs(*args, **kwargs):
    return sys.getrefcount(args[0])


print("plain call:", count_inside(item))
print("from a tuple:", count_inside(*pair[:1]))
print("from a list:", count_inside(*[item]))
print("by keyword:", count_inside(x=item))
print("from a dict:", count_inside(**{"x": item}))
print("tuple and dict:", count_inside(*[item], **{"y": 1}))
print("varargs:", count_varargs(item), count_varargs(*pair), count_varargs(*pair, k=1))
print("after the calls:", sys.getrefcount(item), sys.getrefcount(pair))


class Greeter:
    def __init__(self, greeting):
        self.greeting = greeting

    def greet(self, *names, punctuation="!"):
        return sys.getrefcount(self), [self.greeting + " " + n + punctuation for n in names]


g = Greeter("Hello")
names = ["Ada", "Grace"]
print(g.greet(*names))
print(g.greet(*names, **{"punctuation": "?"}))
print("greeter refcount:", sys.getrefcount(g))


def forward(*args, **kwargs):
    return count_varargs(*args, **kwargs)


print("forwarded:", forward(item, 1, k=2))

gc.collect()
before = gc.get_count()[0]
for i in range(5):
    describe_result = count_varargs(*payload, **options)
print("gc count after 5 calls:", gc.get_count()[0] - before)


def total(first, *rest):
    return first + sum(rest)


print(total(1), total(1, 2, 3), total(*range(10)))
try:
    total(*5)
except TypeError as err:
    print("TypeError:", err)
try:
    total(1, **[2])
except TypeError as err:
    print("TypeError:", err)
try:
    total(**{"first": 1}, **{"first": 2})
except TypeError as err:
    print("TypeError:", err)
try:
    total(*[], **{"rest": 3})
except TypeError as err:
    print("TypeError:", err)
