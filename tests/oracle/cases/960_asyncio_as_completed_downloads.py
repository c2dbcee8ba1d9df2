# A fake downloader: as_completed() over coroutines hands back each
# result as soon as its download is done, fastest first.
import asyncio
import sys
import time

FILES = {"index.html": 0.3, "style.css": 0.1, "app.js": 0.2, "logo.png": 0.45}


async def download(name, seconds):
    await asyncio.sleep(seconds)
    size = len(name) * 1024
    return name, size


async def main():
    start = time.perf_counter()
    coros = [download(name, secs) for name, secs in FILES.items()]
    total = 0
    for i, next_done in enumerate(asyncio.as_completed(coros), 1):
        name, size = await next_done
        total += size
        print(f"{i}. {name:<12} {size:>6} bytes  at {time.perf_counter() - start:.1f}s")
    print("total", total, "bytes")
    print("tasks left:", len(asyncio.all_tasks()))

    # a deadline: what is not done in time raises TimeoutError
    slow = [download("big.iso", 2.0), download("small.txt", 0.05), download("medium.zip", 0.5)]
    got = []
    try:
        for fut in asyncio.as_completed(slow, timeout=0.7):
            name, size = await fut
            got.append(name)
    except asyncio.TimeoutError:
        print("timed out after", got)
    print("still running:", len(asyncio.all_tasks()) - 1)
    print(f"elapsed {time.perf_counter() - start:.1f}s")

    # tasks and coroutines mixed: the task is not wrapped again
    t = asyncio.create_task(download("readme.md", 0.15))
    order = []
    for fut in asyncio.as_completed([t, download("a.txt", 0.05)]):
        order.append((await fut)[0])
    print(order, t.done(), sys.getrefcount(t))


asyncio.run(main())
