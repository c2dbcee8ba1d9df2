# The event loop's own scheduling: call_soon, call_later, call_at, the
# handles they return, a future finished by a callback, run_in_executor.
import asyncio
import sys


def tick(name, loop, log, start):
    log.append((name, round(loop.time() - start, 1)))


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    log = []
    loop.call_soon(tick, "soon", loop, log, start)
    later = loop.call_later(0.2, tick, "later", loop, log, start)
    loop.call_later(0.1, tick, "first", loop, log, start)
    never = loop.call_later(0.15, tick, "never", loop, log, start)
    never.cancel()
    print(never.cancelled(), later.cancelled())
    hello = loop.call_soon(print, "hello from call_soon")
    print(type(later).__name__, type(hello).__name__)
    print(sys.getsizeof(later), sys.getsizeof(hello), sys.getrefcount(later), sys.getrefcount(hello))
    print(isinstance(later, asyncio.Handle), isinstance(hello, asyncio.TimerHandle))
    print(round(later.when() - start, 1))
    print("log before the loop runs:", log)
    await asyncio.sleep(0.3)
    print(log, sys.getrefcount(later), sys.getrefcount(hello))

    # a callback finishes a future: how callback APIs become awaitables
    fut = loop.create_future()
    print(fut.done(), sys.getrefcount(fut))
    handle = loop.call_later(0.05, fut.set_result, "ready")
    print(sys.getrefcount(fut))
    print(await fut, fut.done())
    del handle
    print(sys.getrefcount(fut))

    loop.call_at(loop.time() + 0.1, tick, "at", loop, log, start)
    await asyncio.sleep(0.2)
    print(log[-1][0])

    total = await loop.run_in_executor(None, sum, range(10))
    print("executor:", total)

    try:
        loop.call_later(None, print)
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
