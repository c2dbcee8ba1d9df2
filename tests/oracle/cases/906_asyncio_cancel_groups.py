# Tasks cancelled "all at once" by asyncio itself: a TaskGroup whose task
# fails cancels its siblings, a timeout cancels a whole TaskGroup, a task
# running a TaskGroup is cancelled from outside, and asyncio.run() cancels
# the background tasks still running when main() returns.  Only one task
# of each batch has a finally clause, so the order asyncio picks (a set's)
# does not show.
import asyncio
import sys


async def poll(name, every):
    count = 0
    while True:
        await asyncio.sleep(every)
        count += 1


async def upload(name, seconds):
    await asyncio.sleep(seconds)
    print(f"uploaded {name}")
    return name


async def broken(seconds):
    await asyncio.sleep(seconds)
    raise ConnectionError("server went away")


async def with_cleanup(name):
    try:
        await asyncio.sleep(30)
    finally:
        print(f"{name}: connection closed")


async def batch(names):
    async with asyncio.TaskGroup() as tg:
        for i, name in enumerate(names):
            tg.create_task(upload(name, i + 1))
        tg.create_task(with_cleanup("batch"))
    print("batch finished")


async def main():
    # 1. One failure cancels the rest of the group.
    try:
        async with asyncio.TaskGroup() as tg:
            fast = tg.create_task(upload("fast", 0.1))
            slow = [tg.create_task(upload(f"slow{i}", 5)) for i in range(3)]
            tg.create_task(with_cleanup("group"))
            tg.create_task(broken(0.5))
    except* ConnectionError as eg:
        print("group failed:", eg.exceptions)
    print(fast.result(), [t.cancelled() for t in slow])
    print("refcounts:", sys.getrefcount(fast), [sys.getrefcount(t) for t in slow])

    # 2. A timeout around a TaskGroup cancels all of it.
    try:
        async with asyncio.timeout(2.5):
            await batch(["a", "b", "c", "d"])
    except TimeoutError:
        print("batch timed out after", round(asyncio.get_running_loop().time() % 100, 1) > 0)

    # 3. Cancelling the task that runs a TaskGroup.
    runner = asyncio.create_task(batch(["x", "y", "z"]), name="runner")
    await asyncio.sleep(1.5)
    runner.cancel()
    try:
        await runner
    except asyncio.CancelledError:
        print("runner cancelled:", runner.cancelled(), runner.cancelling())
    print(runner.get_name(), runner.done(), runner.cancel())

    # 4. Background tasks left for asyncio.run() to cancel.
    for i in range(3):
        asyncio.create_task(poll(f"poller{i}", 0.3 + i / 10))
    asyncio.create_task(with_cleanup("background"))
    await asyncio.sleep(1)
    print("main returns,", len(asyncio.all_tasks()) - 1, "tasks left")


asyncio.run(main())
print("after asyncio.run()")
