# A fast producer and a slow consumer on a bounded asyncio.Queue: put()
# waits when the queue is full; a None ends the consumer.
import asyncio


async def producer(queue, n, log):
    for i in range(n):
        await queue.put(i)
        log.append(f"put {i} (size {queue.qsize()})")
    await queue.put(None)


async def consumer(queue, log):
    total = 0
    while (item := await queue.get()) is not None:
        await asyncio.sleep(0.01)
        total += item
        log.append(f"got {item}")
    return total


async def main():
    queue = asyncio.Queue(maxsize=2)
    log = []
    _, total = await asyncio.gather(producer(queue, 5, log), consumer(queue, log))
    print("\n".join(log))
    print("total:", total, "full:", queue.full(), "maxsize:", queue.maxsize)


asyncio.run(main())
