# Generator pipelines, the David Beazley way
def read_lines(text):
    for line in text.splitlines():
        yield line

def strip_comments(lines):
    for line in lines:
        line = line.split("#", 1)[0].strip()
        if line:
            yield line

def parse(lines):
    for line in lines:
        name, qty, price = line.split(",")
        yield {"name": name, "qty": int(qty), "price": float(price)}

def running_total(records):
    total = 0.0
    for r in records:
        total += r["qty"] * r["price"]
        yield r["name"], round(total, 2)

DATA = """
# inventory
apple,3,0.5
pear,2,0.75   # fresh
# nothing here
plum,10,0.2
"""
pipeline = running_total(parse(strip_comments(read_lines(DATA))))
print(type(pipeline).__name__)
for name, total in pipeline:
    print(f"{name:>6}: {total:6.2f}")
print(next(pipeline, "done"))

def countdown(n):
    while n > 0:
        received = yield n
        if received is not None:
            n = received
        else:
            n -= 1
    return "liftoff"

c = countdown(5)
print(next(c), next(c), c.send(10), next(c))
try:
    while True:
        next(c)
except StopIteration as e:
    print("returned", e.value)

def chain(*iterables):
    for it in iterables:
        yield from it
print(list(chain([1, 2], "ab", range(3), (x * x for x in range(3)))))
squares = (n * n for n in range(10) if n % 2)
print(sum(squares), sum(squares))
gen = (c.upper() for c in "hey")
print(list(zip(gen, gen)))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
import itertools
print(list(itertools.islice(fib(), 15)))
print([x for x in itertools.takewhile(lambda v: v < 100, fib())][-3:])
g = fib()
print(g.__name__, g.gi_running, next(g), g.close(), g.gi_frame)
