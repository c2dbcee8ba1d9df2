# The size of a generator object counts its frame: the code's locals plus
# the deepest evaluation stack its bytecode needs (co_stacksize), which
# differs between 3.11, 3.12 and 3.13.  Each shape below is created, not run.
import sys

def g01(n):
    i = 0
    while i < n:
        yield i
        i += 1

def g02():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

def g03(x):
    yield from x
    return 5

def g04():
    yield

def g05(items):
    for item in items:
        if isinstance(item, (list, tuple)):
            yield from g05(item)
        else:
            yield item

def g06(lines):
    print("open")
    try:
        for n, line in enumerate(lines, 1):
            yield n, line.strip()
    finally:
        print("closed after", n, "lines")

def g07():
    try:
        yield 1
    except GeneratorExit:
        print("GeneratorExit seen")
        raise

def g08():
    total = 0.0
    count = 0
    average = None
    while True:
        value = yield average
        if value is None:
            break
        total += value
        count += 1
        average = total / count
    return (count, average)

def g09(text):
    for line in text.split("\n"):
        yield line

def g10(rows):
    for row in rows:
        level, _, message = row.partition(" ")
        yield level, message

def g11(start=1):
    n = start
    while True:
        yield n
        n += 1

def g12(d):
    for k, v in d.items():
        yield f"{k}={v}"

def g13(d):
    for k, v in d.items():
        yield f"{k:>10}={v!r}"

def g14(a, b):
    if a < b < 10:
        yield a
    yield a if a and b else b

def g15(data):
    for i in range(len(data)):
        data[i] = data[i] * 2
        yield data[i]

def g16(obj):
    obj.count += 1
    yield obj.count
    obj.items[0] += 1

def g17(n):
    yield [1, 2, 3]
    yield [n, n + 1]
    yield {"a": 1, "b": 2}
    yield {n: 1}
    yield (n, n, n)

def g18(x):
    try:
        yield x
    except ValueError as e:
        print("caught", e)
    yield 2

def g19(x):
    try:
        yield 1
    except (ValueError, TypeError):
        pass
    finally:
        print("done")

def g20(x):
    try:
        return x.y
    finally:
        print("f")
    yield

def g21(seq):
    yield sum(x * x for x in seq)

def g22(seq):
    for x in seq:
        if x in (1, 2, 3):
            yield x
        elif x not in [4, 5]:
            yield -x

def g23(x):
    print(x, x, x, sep=", ", end="\n")
    yield

def g24(s):
    yield s[1:2]
    yield s[::2]
    yield s[1:-1:3]

def g25(x):
    assert x > 0, "must be positive"
    yield x
    del x

def g26(a):
    a.b.c = a.d[0]
    yield a.e.f(1, 2).g(3)

def g27(n):
    x = y = n
    yield x + y

def g28(x):
    yield x or 5
    yield x and x.y and 7

def g29(x):
    while x and not x.done:
        yield x

def g30(seq):
    for i, (a, b) in enumerate(seq):
        yield i, a, b

def g31():
    x = yield
    y = yield x
    return x + y

def g32(t):
    yield 60 * 60
    yield -1
    yield (1, 2, (3, 4))
    yield 2 ** 10

def g33(x):
    while True:
        try:
            v = yield
        except KeyError:
            continue
        x.append(v)

def g34(m):
    for row in m:
        for v in row:
            if v % 2 == 0:
                yield v

def g35(x):
    yield x.method(a=1, b=2)
    yield print(x, flush=True)

def g36(x):
    try:
        yield 1
        return x.value
    finally:
        print("closing", x)

def g37(x):
    try:
        try:
            yield x
        except KeyError as k:
            print(k)
    finally:
        print(3)

def g38(items):
    for x in items:
        if not x:
            break
        yield x
    else:
        yield "done"

def g39(n):
    while n > 0:
        n -= 1
        yield n
    else:
        print("end")

def g40(xs):
    yield [x * 2 for x in xs]
    yield {x: x for x in xs}

def g41(a, b, c):
    if a < b <= c != 0:
        yield a
    if not (a or b):
        yield b

def g42(x):
    yield "ab" + "cd"
    yield 2 ** 10
    yield 10 / 4
    yield 1 << 3
    yield "-" * 20

def g43(data):
    for key in sorted(data, key=len, reverse=True):
        yield key, data[key]

def g44(fn, x):
    yield fn(x)(x)
    yield (fn or x)(1)

def g45(x):
    try:
        yield x
    except Exception as e:
        raise ValueError("wrapped")

def g46(path):
    for line in path:
        yield line

def g47(node):
    if node is not None:
        yield from g47(node.left)
        yield node.value
        yield from g47(node.right)

def g48(d):
    d["a"] += 1
    d.x.y += 2
    yield d

def g49(n):
    yield n, (n, n), [n, (n,)]
    a, (b, c) = n
    yield a

def g50(n):
    result = yield from g01(n)
    print(result)

def g51(words):
    for w in words:
        yield w.upper() if len(w) > 3 else w.lower()

def g52(n):
    x = {"name": n, "age": 3, "tags": [1, 2]}
    yield x

def g53(n):
    x = [1, 2, 3, 4]
    s = {1, 2, 3}
    yield x, s

def g54(x, y):
    yield f"{x}-{y:5d}-{x!r:>8}"
    yield f"total: {x + y}"

def g55(rows):
    for row in rows:
        yield [c.strip() for c in row.split(",") if c]

def g56(d):
    yield {k: v for k, v in d.items() if v}
    yield {x for x in d}

def g57(n):
    total = 0
    for i in range(n):
        total += sum([j * j for j in range(i)])
        yield total

def g59(xs, x):
    yield [x for x in xs]
    yield x

def g60(pairs):
    yield [a + b for a, b in pairs]
    yield [(a, b) for a in pairs for b in pairs if a != b]

def g61(node):
    while node is not None:
        yield node.value
        node = node.next

def g62(x):
    if x is None:
        yield 1
    y = x is not None
    yield y
    if None is x:
        yield 2

def g63(x, y):
    if x is not None and y is None:
        yield x
    while not (x is None):
        yield x


print('g01', sys.getsizeof(g01(None)))
print('g02', sys.getsizeof(g02()))
print('g03', sys.getsizeof(g03(None)))
print('g04', sys.getsizeof(g04()))
print('g05', sys.getsizeof(g05(None)))
print('g06', sys.getsizeof(g06(None)))
print('g07', sys.getsizeof(g07()))
print('g08', sys.getsizeof(g08()))
print('g09', sys.getsizeof(g09(None)))
print('g10', sys.getsizeof(g10(None)))
print('g11', sys.getsizeof(g11(None)))
print('g12', sys.getsizeof(g12(None)))
print('g13', sys.getsizeof(g13(None)))
print('g14', sys.getsizeof(g14(None, None)))
print('g15', sys.getsizeof(g15(None)))
print('g16', sys.getsizeof(g16(None)))
print('g17', sys.getsizeof(g17(None)))
print('g18', sys.getsizeof(g18(None)))
print('g19', sys.getsizeof(g19(None)))
print('g20', sys.getsizeof(g20(None)))
print('g21', sys.getsizeof(g21(None)))
print('g22', sys.getsizeof(g22(None)))
print('g23', sys.getsizeof(g23(None)))
print('g24', sys.getsizeof(g24(None)))
print('g25', sys.getsizeof(g25(None)))
print('g26', sys.getsizeof(g26(None)))
print('g27', sys.getsizeof(g27(None)))
print('g28', sys.getsizeof(g28(None)))
print('g29', sys.getsizeof(g29(None)))
print('g30', sys.getsizeof(g30(None)))
print('g31', sys.getsizeof(g31()))
print('g32', sys.getsizeof(g32(None)))
print('g33', sys.getsizeof(g33(None)))
print('g34', sys.getsizeof(g34(None)))
print('g35', sys.getsizeof(g35(None)))
print('g36', sys.getsizeof(g36(None)))
print('g37', sys.getsizeof(g37(None)))
print('g38', sys.getsizeof(g38(None)))
print('g39', sys.getsizeof(g39(None)))
print('g40', sys.getsizeof(g40(None)))
print('g41', sys.getsizeof(g41(None, None, None)))
print('g42', sys.getsizeof(g42(None)))
print('g43', sys.getsizeof(g43(None)))
print('g44', sys.getsizeof(g44(None, None)))
print('g45', sys.getsizeof(g45(None)))
print('g46', sys.getsizeof(g46(None)))
print('g47', sys.getsizeof(g47(None)))
print('g48', sys.getsizeof(g48(None)))
print('g49', sys.getsizeof(g49(None)))
print('g50', sys.getsizeof(g50(None)))
print('g51', sys.getsizeof(g51(None)))
print('g52', sys.getsizeof(g52(None)))
print('g53', sys.getsizeof(g53(None)))
print('g54', sys.getsizeof(g54(None, None)))
print('g55', sys.getsizeof(g55(None)))
print('g56', sys.getsizeof(g56(None)))
print('g57', sys.getsizeof(g57(None)))
print('g59', sys.getsizeof(g59(None, None)))
print('g60', sys.getsizeof(g60(None)))
print('g61', sys.getsizeof(g61(None)))
print('g62', sys.getsizeof(g62(None)))
print('g63', sys.getsizeof(g63(None, None)))
