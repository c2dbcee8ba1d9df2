# asyncio.to_thread with a built-in: three time.sleep calls in the default
# executor run side by side (0.1 s, not 0.3 s) while a ticker coroutine
# keeps the loop busy, and run_in_executor does the same with a pool of
# one worker, where the sleeps queue up (shut down after asyncio.run: a
# with block inside the coroutine would block the loop in its __exit__).
import asyncio
import time
from concurrent.futures import ThreadPoolExecutor


async def ticker(n):
    for i in range(n):
        await asyncio.sleep(0.04)
        print("tick", i)


one = ThreadPoolExecutor(max_workers=1)


async def main():
    loop = asyncio.get_running_loop()
    t = time.perf_counter()
    results = await asyncio.gather(
        asyncio.to_thread(time.sleep, 0.1),
        asyncio.to_thread(time.sleep, 0.1),
        asyncio.to_thread(time.sleep, 0.1),
        ticker(2),
    )
    print(results, round(time.perf_counter() - t, 1))
    t = time.perf_counter()
    await asyncio.gather(*(loop.run_in_executor(one, time.sleep, 0.1) for _ in range(3)))
    print("one worker:", round(time.perf_counter() - t, 1))
    t = time.perf_counter()
    done = asyncio.Event()
    loop.call_later(0.05, done.set)
    await asyncio.to_thread(time.sleep, 0.02)
    await done.wait()
    print("both:", round(time.perf_counter() - t, 2))


asyncio.run(main())
one.shutdown()
