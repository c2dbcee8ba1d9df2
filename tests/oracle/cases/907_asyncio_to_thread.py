# Blocking work off the event loop, as the asyncio docs and tutorials show
# it: asyncio.to_thread() for a blocking call while other coroutines keep
# running, loop.run_in_executor() with the default executor and with a
# ThreadPoolExecutor of the program's own, an exception raised in the
# worker, and a timeout that gives up on a thread that cannot be stopped
# (asyncio.run() still waits for it at the end).
import asyncio
import threading
import time
from concurrent.futures import ThreadPoolExecutor


def read_file(name, seconds, show_thread=True):
    where = threading.current_thread().name if show_thread else "a worker"
    print(f"reading {name} in {where}")
    time.sleep(seconds)  # a blocking call: fine in a worker thread
    return f"<{name}: {int(seconds * 1000)} bytes>"


def checksum(data):
    total = 0
    for ch in data:
        total = (total * 31 + ord(ch)) % 1000003
    return total


def broken():
    time.sleep(0.05)
    raise OSError("device not ready")


async def spinner(label, every, times):
    for i in range(times):
        await asyncio.sleep(every)
        print(f"{label} {i}")


pool = None


async def main():
    global pool
    loop = asyncio.get_running_loop()
    start = loop.time()
    contents = await asyncio.gather(
        asyncio.to_thread(read_file, "a.txt", 0.35),
        asyncio.to_thread(read_file, "b.txt", 0.15),
        spinner("spin", 0.1, 4),
    )
    print(contents, round(loop.time() - start, 1))
    print("threads now:", threading.active_count())

    total = await loop.run_in_executor(None, checksum, "hello world" * 20)
    print("checksum", total)

    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="disk")
    futs = [loop.run_in_executor(pool, read_file, f"part{i}", 0.1) for i in range(2)]
    print(type(futs[0]).__name__, futs[0].done())
    print(await asyncio.gather(*futs))

    try:
        await asyncio.to_thread(broken)
    except OSError as e:
        print("the worker raised", repr(e))

    try:
        async with asyncio.timeout(0.2):
            await asyncio.to_thread(read_file, "huge.bin", 0.5, show_thread=False)
    except TimeoutError:
        print("gave up after", round(loop.time() - start, 1), "s")
    coro = asyncio.to_thread(read_file, "x", 0, show_thread=False)
    print(type(coro).__name__, asyncio.iscoroutine(coro))
    print(await coro)


asyncio.run(main())
print("after asyncio.run:", threading.current_thread().name)
pool.shutdown()
print("pool shut down:", threading.active_count())
