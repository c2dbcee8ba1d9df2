# Blocking work moved off the loop with asyncio.to_thread while async tasks
# keep ticking; the results come back in gather's order.
import asyncio
import threading
import time


def blocking_read(name, seconds):
    time.sleep(seconds)
    return f"{name}: {seconds * 1000:.0f} ms in {threading.current_thread().name.split('_')[0]}"


async def ticker(n):
    ticks = 0
    for _ in range(n):
        await asyncio.sleep(0.1)
        ticks += 1
    return f"ticker: {ticks} ticks"


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    results = await asyncio.gather(
        asyncio.to_thread(blocking_read, "config", 0.2),
        asyncio.to_thread(blocking_read, "data", 0.3),
        ticker(3),
    )
    for r in results:
        print(r)
    print("overlapped:", round(loop.time() - t0, 1), "s, not 0.8")
    print("main thread:", threading.current_thread().name)


asyncio.run(main())
