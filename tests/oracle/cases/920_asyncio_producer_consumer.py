# Producer/consumer with asyncio.Queue, as tutorials write it: producers
# put work items, consumers take them until cancelled, queue.join() waits
# for every item; the sizes of the task and future objects per version.
import asyncio
import sys


async def producer(name, queue, items, step):
    for i in range(items):
        await asyncio.sleep(step * (i + 1))
        item = f"{name}-{i}"
        await queue.put(item)
        print(f"{name} produced {item} (queue size {queue.qsize()})")


async def consumer(name, queue, done):
    while True:
        item = await queue.get()
        await asyncio.sleep(0.035)
        done.append((name, item))
        print(f"  {name} consumed {item}")
        queue.task_done()


async def main():
    queue = asyncio.Queue(maxsize=2)
    done = []
    producers = [asyncio.create_task(producer(p, queue, 3, step)) for p, step in (("p1", 0.1), ("p2", 0.25))]
    consumers = [asyncio.create_task(consumer(f"c{i}", queue, done)) for i in range(2)]
    print(producers[0].get_name(), consumers[1].get_name())
    await asyncio.gather(*producers)
    print("producers finished")
    await queue.join()
    print("all items processed:", len(done))
    for c in consumers:
        c.cancel()
    results = await asyncio.gather(*consumers, return_exceptions=True)
    print([type(r).__name__ for r in results])
    print(consumers[0].cancelled(), consumers[0].done())
    print(sys.getsizeof(consumers[0]), sys.getsizeof(asyncio.get_running_loop().create_future()))
    print(sorted(done))


asyncio.run(main())
