# Race three mirrors for the same file with asyncio.wait: take the first
# that answers, cancel the others, and wait until they have cleaned up.
import asyncio
import sys


async def fetch(mirror, seconds):
    print(f"{mirror}: connecting")
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print(f"{mirror}: cancelled, closing socket")
        raise
    print(f"{mirror}: sent 4096 bytes")
    return mirror, 4096


async def main():
    mirrors = {"eu": 0.30, "us": 0.12, "asia": 0.25}
    tasks = [asyncio.create_task(fetch(m, s), name=m) for m, s in mirrors.items()]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print("done:", len(done), "pending:", len(pending))
    winner = done.pop()
    print("winner:", winner.get_name(), winner.result())
    print(type(done).__name__, sys.getsizeof(done), sys.getsizeof(pending))
    for t in tasks:
        if not t.done():
            t.cancel()
    done, pending = await asyncio.wait(tasks)
    print("after cancel:", len(done), len(pending))
    print([(t.get_name(), t.cancelled()) for t in tasks])

    # the default waits for all of them
    tasks = [asyncio.create_task(fetch(m, s / 10)) for m, s in mirrors.items()]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.ALL_COMPLETED)
    print(len(done), len(pending), sorted(t.result()[0] for t in tasks))

    try:
        await asyncio.wait([])
    except ValueError as e:
        print("ValueError:", e)
    try:
        await asyncio.wait(tasks, return_when="FIRST")
    except ValueError as e:
        print("ValueError:", e)
    try:
        await asyncio.wait(tasks[0])
    except TypeError as e:
        print("TypeError:", e)
    print(asyncio.FIRST_COMPLETED, asyncio.FIRST_EXCEPTION, asyncio.ALL_COMPLETED)


asyncio.run(main())
