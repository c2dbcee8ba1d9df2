# A bounded asyncio.Queue: two producers block on put() while the queue
# is full, a slow consumer makes room; then a worker pool that drains a
# queue with task_done()/join() and is cancelled at the end.
import asyncio
import time


async def producer(q, name, n):
    for i in range(n):
        t = time.monotonic()
        await q.put(f"{name}{i}")
        waited = time.monotonic() - t
        note = f" after waiting {waited:.1f} s" if waited > 0.05 else ""
        print(f"{name} put {name}{i}{note}")


async def slow_consumer(q, n):
    for _ in range(n):
        await asyncio.sleep(0.2)
        item = q.get_nowait()
        print("took", item, "left", q.qsize(), "full", q.full())
        q.task_done()


async def worker(name, q, seen):
    while True:
        item = await q.get()
        seen.append((name, item))
        await asyncio.sleep(0.01 * item)
        q.task_done()


async def main():
    q = asyncio.Queue(maxsize=2)
    await asyncio.gather(producer(q, "a", 3), producer(q, "b", 3), slow_consumer(q, 6))
    await q.join()
    print("drained", q.empty())

    jobs = asyncio.Queue(maxsize=2)
    seen = []
    workers = [asyncio.create_task(worker(f"w{i}", jobs, seen)) for i in range(2)]
    for i in range(6):
        await jobs.put(i)
        print("put", i, "size", jobs.qsize())
    await jobs.join()
    print(seen)
    for w in workers:
        w.cancel()
    res = await asyncio.gather(*workers, return_exceptions=True)
    print([type(r).__name__ for r in res], [w.cancelled() for w in workers])


asyncio.run(main())
