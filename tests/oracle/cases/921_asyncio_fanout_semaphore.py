# Fan-out with gather and a Semaphore: at most three downloads at a time;
# results come back in the order of the arguments, whatever order they
# finish in; a failing one with return_exceptions=True.
import asyncio

limit = asyncio.Semaphore(3)
active = 0
peak = 0


async def download(url, seconds):
    global active, peak
    async with limit:
        active += 1
        peak = max(peak, active)
        print(f"start {url} (active {active})")
        await asyncio.sleep(seconds)
        active -= 1
        if url.endswith("404"):
            raise LookupError(url)
        print(f"done  {url}")
        return len(url)


async def main():
    urls = [("/a", 0.3), ("/bb", 0.1), ("/ccc", 0.2), ("/404", 0.05), ("/eeeee", 0.1), ("/ff", 0.2)]
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    results = await asyncio.gather(*(download(u, s) for u, s in urls), return_exceptions=True)
    print(results)
    print("peak concurrency:", peak)
    print("elapsed at least 0.4:", loop.time() - t0 >= 0.4)
    print(limit.locked())
    try:
        await asyncio.gather(download("/x404", 0.01), download("/yy", 0.2))
    except LookupError as e:
        print("gather raised", repr(e))
    await asyncio.sleep(0.3)


asyncio.run(main())
