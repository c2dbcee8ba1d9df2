# A task awaited by gather() fails: gather's future takes its exception,
# main() raises it at the await, asyncio.run() raises it again.
import asyncio


async def fetch(url, delay):
    await asyncio.sleep(delay)
    if url.endswith("/missing"):
        raise LookupError(f"404 for {url}")
    return len(url)


async def main():
    urls = ["https://a.example/", "https://b.example/missing", "https://c.example/x"]
    sizes = await asyncio.gather(*(fetch(u, 0.1 * i) for i, u in enumerate(urls)))
    print(sizes)


asyncio.run(main())
