# The docs' say_after example timed with perf_counter: awaiting one after
# the other takes the sum, tasks take the longest.  Then a blocking call
# (time.sleep) inside a coroutine holds the whole loop: the ticker's
# wake-up comes late.
import asyncio
import time


async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)


async def blocker():
    print("blocker: a synchronous call")
    time.sleep(0.3)
    print("blocker: done")


async def ticker(loop, t0):
    for i in range(3):
        print(f"tick {i} at {loop.time() - t0:.1f}")
        await asyncio.sleep(0.2)


async def main():
    start = time.perf_counter()
    await say_after(0.1, "hello")
    await say_after(0.2, "world")
    print(f"one after the other: {time.perf_counter() - start:.1f}s")

    start = time.perf_counter()
    task1 = asyncio.create_task(say_after(0.1, "hello"))
    task2 = asyncio.create_task(say_after(0.2, "world"))
    await task1
    await task2
    print(f"as tasks: {time.perf_counter() - start:.1f}s")

    loop = asyncio.get_running_loop()
    t0 = loop.time()
    await asyncio.gather(ticker(loop, t0), blocker())
    print(f"gathered in {loop.time() - t0:.1f}s")


start = time.monotonic()
asyncio.run(main())
print(f"total about {time.monotonic() - start:.0f}s")
