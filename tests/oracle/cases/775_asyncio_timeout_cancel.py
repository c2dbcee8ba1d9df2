# A timeout that cancels a slow task, and cancelling a task by hand: the
# coroutine sees CancelledError where it waits, cleans up, and the caller
# sees TimeoutError or CancelledError.
import asyncio


async def slow_query(name, seconds):
    print(f"{name}: start")
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print(f"{name}: cancelled, rolling back")
        raise
    finally:
        print(f"{name}: connection closed")
    return f"{name} rows"


async def heartbeat(stop):
    n = 0
    while not stop.is_set():
        print("heartbeat", n)
        n += 1
        await asyncio.sleep(0.35)


async def main():
    stop = asyncio.Event()
    beat = asyncio.create_task(heartbeat(stop))
    print(await asyncio.wait_for(slow_query("quick", 0.2), timeout=1))
    try:
        await asyncio.wait_for(slow_query("report", 10), timeout=1)
    except asyncio.TimeoutError:
        print("report timed out")
    try:
        async with asyncio.timeout(0.5):
            await slow_query("export", 3)
    except TimeoutError as e:
        print("export timed out:", type(e.__cause__).__name__)

    task = asyncio.create_task(slow_query("backup", 5))
    await asyncio.sleep(0.3)
    print("cancel requested:", task.cancel("shutting down"))
    try:
        await task
    except asyncio.CancelledError as e:
        print("backup cancelled:", e.args, task.cancelled(), task.done())
    print(task.cancel())
    stop.set()
    await beat
    print("heartbeat stopped:", beat.done(), beat.result())


asyncio.run(main())
