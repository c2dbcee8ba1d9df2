# A bank account shared by tasks: without a lock the read-modify-write
# interleaves at the await; with asyncio.Lock it does not.  A Semaphore
# bounds how many "requests" run at once; an Event starts them together.
import asyncio

balance = 0


async def deposit_unsafe(amount):
    global balance
    current = balance
    await asyncio.sleep(0.01)  # a database round trip
    balance = current + amount


async def deposit_safe(lock, amount):
    global balance
    async with lock:
        current = balance
        await asyncio.sleep(0.01)
        balance = current + amount


async def request(i, sem, start, running, peak):
    await start.wait()
    async with sem:
        running.append(i)
        peak[0] = max(peak[0], len(running))
        print(f"request {i} running with {len(running)} others in flight")
        await asyncio.sleep(0.1 * (i % 3 + 1))
        running.remove(i)
    return i * i


async def main():
    global balance
    await asyncio.gather(*(deposit_unsafe(10) for _ in range(5)))
    print("unsafe balance:", balance)
    balance = 0
    lock = asyncio.Lock()
    await asyncio.gather(*(deposit_safe(lock, 10) for _ in range(5)))
    print("safe balance:", balance, lock.locked())

    sem = asyncio.Semaphore(2)
    start = asyncio.Event()
    running, peak = [], [0]
    tasks = [asyncio.create_task(request(i, sem, start, running, peak)) for i in range(6)]
    await asyncio.sleep(0.05)
    print("nothing started yet:", running, start.is_set())
    start.set()
    print(await asyncio.gather(*tasks))
    print("peak concurrency:", peak[0], sem.locked())
    await lock.acquire()
    print(lock.locked())
    lock.release()
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)
    bounded = asyncio.BoundedSemaphore(1)
    try:
        bounded.release()
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
