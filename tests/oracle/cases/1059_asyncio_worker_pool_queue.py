# A pool of async workers on an asyncio.Queue: jobs in, results into a
# dict, queue.join() to wait, then the idle workers are cancelled.
import asyncio


async def worker(name, queue, results):
    while True:
        job_id, size = await queue.get()
        try:
            await asyncio.sleep(0.05 * size)
            results[job_id] = (size * 3, name)
        finally:
            queue.task_done()


async def main():
    queue = asyncio.Queue()
    results = {}
    for job_id, size in enumerate([2, 1, 4, 1, 3, 2, 1]):
        queue.put_nowait((job_id, size))
    workers = [asyncio.create_task(worker(f"w{i}", queue, results)) for i in range(3)]
    await queue.join()
    for w in workers:
        w.cancel()
    outcome = await asyncio.gather(*workers, return_exceptions=True)
    print([type(o).__name__ for o in outcome])
    for job_id in sorted(results):
        print(job_id, results[job_id][0])
    print("jobs per worker:", sorted(sum(1 for v in results.values() if v[1] == w) for w in ("w0", "w1", "w2")))
    print("queue size:", queue.qsize(), "empty:", queue.empty())


asyncio.run(main())
