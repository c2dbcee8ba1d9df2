# asyncio.Event and asyncio.Lock in a small simulation: workers wait for a
# start signal, then update a shared counter under a lock; the lock's and
# the event's repr and state along the way.
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
