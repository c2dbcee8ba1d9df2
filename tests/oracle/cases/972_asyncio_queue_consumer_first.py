# A consumer that starts before anything is queued waits in get(); the
# producer fills the queue without awaiting (put_nowait) and a None
# sentinel ends the consumer.  Then the queue's errors, its maxsize, and
# the sizes and reference counts of a future and of the finished task.
import asyncio
import sys


async def consumer(q, out):
    print("consumer starts, queue empty:", q.empty())
    while (item := await q.get()) is not None:
        out.append(item.upper())
        q.task_done()
    q.task_done()
    print("consumer got the sentinel")
    return len(out)


async def main():
    q = asyncio.Queue()
    out = []
    task = asyncio.create_task(consumer(q, out), name="consumer")
    await asyncio.sleep(0.01)
    print("qsize", q.qsize(), "empty", q.empty(), "maxsize", q.maxsize, "full", q.full())
    for word in ["alpha", "beta", "gamma"]:
        q.put_nowait(word)
    print("queued", q.qsize())
    q.put_nowait(None)
    await q.join()
    print(out, "joined")
    print(task.get_name(), await task, task.done())
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty", repr(asyncio.QueueEmpty()))
    small = asyncio.Queue(maxsize=1)
    small.put_nowait("x")
    try:
        small.put_nowait("y")
    except asyncio.QueueFull:
        print("QueueFull; full:", small.full(), "maxsize:", small.maxsize)
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError:", e)
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    print(sys.getsizeof(f), sys.getrefcount(f), f.done())
    loop.call_later(0.05, f.set_result, 42)
    print(await f, sys.getrefcount(f), f.result())
    print(sys.getsizeof(task), sys.getrefcount(task), task.result())
    print(type(q).__name__, type(q).__module__, issubclass(asyncio.QueueEmpty, Exception))


asyncio.run(main())
