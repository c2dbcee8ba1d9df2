# Producer and consumers with an asyncio.Queue, as the docs' example
# writes it: workers take jobs until the queue is joined, then are
# cancelled.
import asyncio


async def producer(queue, jobs):
    for job in jobs:
        await queue.put(job)
        print(f"queued {job!r} (size {queue.qsize()})")
    print("producer done")


async def worker(name, queue, done):
    while True:
        job = await queue.get()
        try:
            await asyncio.sleep(len(job) / 10)
            done.append((name, job))
            print(f"{name} finished {job!r}")
        finally:
            queue.task_done()


async def main():
    queue = asyncio.Queue(maxsize=2)
    done = []
    workers = [asyncio.create_task(worker(f"worker-{i}", queue, done)) for i in range(3)]
    await producer(queue, ["wash", "dry", "fold", "iron", "pack"])
    await queue.join()
    print("all jobs done:", len(done), queue.empty(), queue.full())
    for w in workers:
        w.cancel()
    results = await asyncio.gather(*workers, return_exceptions=True)
    print([type(r).__name__ for r in results])
    print(sorted(job for _, job in done))

    q2 = asyncio.Queue()
    q2.put_nowait(1)
    print(q2.get_nowait(), q2.qsize())
    try:
        q2.get_nowait()
    except asyncio.QueueEmpty:
        print("empty queue")
    small = asyncio.Queue(1)
    small.put_nowait("x")
    try:
        small.put_nowait("y")
    except asyncio.QueueFull:
        print("full queue")
    try:
        q2.task_done()
        q2.task_done()
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
