# Three "downloads" at once: the asyncio tutorial's first program.  The
# sleeps run on the event loop's clock, so the whole takes about as long
# as the slowest fetch, not the sum.
import asyncio
import sys


async def fetch(url, delay):
    print(f"fetching {url}")
    await asyncio.sleep(delay)
    print(f"got {url} after {delay}s")
    return {"url": url, "size": len(url) * 100}


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    pages = await asyncio.gather(
        fetch("example.com", 1.0),
        fetch("python.org", 0.5),
        fetch("pypi.org", 0.8),
    )
    elapsed = loop.time() - start
    print(f"{len(pages)} pages in {elapsed:.1f}s")
    for page in pages:
        print(page["url"], page["size"])

    # the same with tasks started by hand
    task1 = asyncio.create_task(fetch("a.test", 0.3))
    task2 = asyncio.create_task(fetch("b.test", 0.1), name="second")
    print(task1.get_name(), task2.get_name(), task1.done())
    print(type(task1).__name__, type(task1).__module__, isinstance(task1, asyncio.Future))
    print(sys.getsizeof(task1), sys.getsizeof(loop.create_future()))
    first = await task1
    second = await task2
    print(first["url"], second["url"], task1.done(), task2.result()["size"])
    print(repr(task2).startswith("<Task finished name='second' coro=<fetch() done, defined at"))
    print(f"total {loop.time() - start:.1f}s")
    return len(pages)


print("result:", asyncio.run(main()))
print(asyncio.iscoroutine(fetch("x", 0)), asyncio.iscoroutine(fetch))
