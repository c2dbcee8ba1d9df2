# asyncio.Event and asyncio.Lock in a small simulation: workers wait for a
# start signal, then update a shared counter under a lock; then consumers
# on an asyncio.Condition (wait_for a predicate, notify, notify_all).
import asyncio

counter = 0


async def worker(name, start, lock, steps):
    global counter
    await start.wait()
    for _ in range(steps):
        async with lock:
            value = counter
            await asyncio.sleep(0.001)
            counter = value + 1
    print(f"{name} finished at {counter}")
    return name


async def main():
    start = asyncio.Event()
    lock = asyncio.Lock()
    print(start.is_set(), lock.locked())
    tasks = [asyncio.create_task(worker(f"w{i}", start, lock, 3)) for i in range(3)]
    await asyncio.sleep(0.01)
    print("nobody started:", counter)
    start.set()
    print(start.is_set())
    names = await asyncio.gather(*tasks)
    print(names, counter)
    await lock.acquire()
    print(lock.locked())
    lock.release()
    try:
        lock.release()
    except RuntimeError as e:
        print(e)
    start.clear()
    try:
        await asyncio.wait_for(start.wait(), 0.05)
    except TimeoutError:
        print("event not set again")


asyncio.run(main())

items = []


async def consumer(name, cond):
    async with cond:
        print(f"{name} waits")
        ok = await cond.wait_for(lambda: len(items) > 0)
        item = items.pop(0)
        print(f"{name} got {item} ({ok})")
    return item


async def waiter(name, cond):
    async with cond:
        r = await cond.wait()
        print(f"{name} woke up: {r}, locked={cond.locked()}")


async def main_condition():
    cond = asyncio.Condition()
    print(cond.locked())
    tasks = [asyncio.create_task(consumer(f"c{i}", cond)) for i in range(3)]
    await asyncio.sleep(0.01)
    for x in ("a", "b", "c"):
        async with cond:
            items.append(x)
            cond.notify()
        await asyncio.sleep(0.01)
    print(await asyncio.gather(*tasks))

    ws = [asyncio.create_task(waiter(f"w{i}", cond)) for i in range(3)]
    await asyncio.sleep(0.01)
    async with cond:
        cond.notify(2)
    await asyncio.sleep(0.01)
    await cond.acquire()
    cond.notify_all()
    cond.release()
    await asyncio.gather(*ws)
    try:
        cond.notify()
    except RuntimeError as e:
        print(e)
    try:
        await cond.wait()
    except RuntimeError as e:
        print(e)
    lock = asyncio.Lock()
    c2 = asyncio.Condition(lock)
    async with lock:
        print(c2.locked())


asyncio.run(main_condition())
