def flatten(items):
    for item in items:
        if isinstance(item, (list, tuple)):
            yield from flatten(item)
        else:
            yield item


nested = [1, [2, 3, [4, 5]], (6, [7, [8, [9]]]), 10]
print(list(flatten(nested)))


def chain(*iterables):
    for it in iterables:
        yield from it


print(list(chain("ab", [1, 2], range(3))))


def countdown(n):
    while n > 0:
        yield n
        n -= 1


def launch():
    yield "ready"
    yield from countdown(3)
    yield "liftoff"


print(" ".join(str(x) for x in launch()))
