# An async "crawler" limited to three requests in flight with
# asyncio.Semaphore; gather keeps the order of the URLs.
import asyncio

in_flight = 0
peak = 0


async def fetch(sem, url, delay):
    global in_flight, peak
    async with sem:
        in_flight += 1
        peak = max(peak, in_flight)
        await asyncio.sleep(delay)
        in_flight -= 1
        return f"{url} -> {len(url) * 100} bytes"


async def main():
    sem = asyncio.Semaphore(3)
    urls = [f"https://example.com/page{i}" for i in range(8)]
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    results = await asyncio.gather(*(fetch(sem, u, 0.1 * (1 + i % 2)) for i, u in enumerate(urls)))
    took = loop.time() - t0
    for r in results:
        print(r)
    print("peak in flight:", peak)
    print("took", round(took, 1), "s")
    print("semaphore free again:", not sem.locked())


asyncio.run(main())
