# Callbacks meet asyncio: a debounced search box built on call_later, and a
# callback-style client running in the loop's thread pool that hands its
# answer back with call_soon_threadsafe.
import asyncio
import time


class Debouncer:
    """Call fn only once the calls stop for `delay` seconds."""

    def __init__(self, loop, delay, fn):
        self.loop = loop
        self.delay = delay
        self.fn = fn
        self.handle = None
        self.cancelled = 0

    def __call__(self, *args):
        if self.handle is not None and not self.handle.cancelled():
            self.handle.cancel()
            self.cancelled += 1
        self.handle = self.loop.call_later(self.delay, self.fn, *args)


def legacy_fetch(url, loop, fut):
    time.sleep(0.2)  # a blocking client, in a worker thread
    loop.call_soon_threadsafe(fut.set_result, f"<html of {url}>")


async def fetch(url):
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.run_in_executor(None, legacy_fetch, url, loop, fut)
    return await fut


async def main():
    loop = asyncio.get_running_loop()
    searches = []
    search = Debouncer(loop, 0.1, searches.append)
    for text in ["a", "as", "asy", "asyn", "async"]:
        search(text)
        await asyncio.sleep(0.03)
    await asyncio.sleep(0.2)
    search("asyncio")
    await asyncio.sleep(0.2)
    print(searches, search.cancelled)

    t0 = time.perf_counter()
    pages = await asyncio.gather(fetch("a.com"), fetch("b.org"), fetch("c.net"))
    print(pages)
    print(f"{time.perf_counter() - t0:.1f}s for {len(pages)} pages")


asyncio.run(main())
