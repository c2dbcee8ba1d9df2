# A round-robin scheduler of coroutines written by hand, as talks and
# tutorials explain what an event loop does; then an error that travels
# up a chain of awaits.
from collections import deque


class Pause:
    """Hand control back to the scheduler for one turn."""

    def __await__(self):
        yield


async def countdown(name, n):
    while n > 0:
        print(name, n)
        n -= 1
        await Pause()
    return f"{name} done"


async def countup(name, limit):
    total = 0
    for i in range(limit):
        total += i
        await Pause()
    print(name, "total", total)
    return total


def run_all(*coros):
    ready = deque(coros)
    results = {}
    steps = 0
    while ready:
        coro = ready.popleft()
        steps += 1
        try:
            coro.send(None)
        except StopIteration as stop:
            results[coro.__name__ + str(len(results))] = stop.value
        else:
            ready.append(coro)
    return steps, results


print(run_all(countdown("A", 3), countup("B", 4), countdown("C", 1)))


async def parse(text):
    await Pause()
    return int(text)


async def parse_all(texts):
    values = []
    for t in texts:
        values.append(await parse(t))
    return values


async def main():
    good = await parse_all(["1", "2", "3"])
    print("good", good, sum(good))
    try:
        await parse_all(["4", "x"])
    except ValueError as e:
        print("caught:", e)
    return await parse_all(["5", "six"])


print(run_all(main()))
