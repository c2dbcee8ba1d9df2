# Cancelling several tasks at once, as tutorials write it: start downloads,
# give up on the slow ones, cancel them all and gather what is left with
# return_exceptions=True; then what the tasks look like (states, results,
# the CancelledErrors, sizes and reference counts).
import asyncio
import sys


async def download(name, seconds):
    print(f"{name}: start")
    await asyncio.sleep(seconds)
    print(f"{name}: done")
    return f"{name}.zip"


async def careful(name):
    try:
        await asyncio.sleep(60)
    except asyncio.CancelledError:
        print(f"{name}: cancelled, cleaning up")
        raise


async def main():
    sizes = {"a": 0.2, "b": 1.5, "c": 3, "d": 0.1}
    tasks = [asyncio.create_task(download(n, s), name=n) for n, s in sizes.items()]
    tasks.append(asyncio.create_task(careful("e")))
    await asyncio.sleep(0.5)
    pending = [t for t in tasks if not t.done()]
    print("still running:", [t.get_name() for t in pending])
    print("refcounts while pending:", [sys.getrefcount(t) for t in pending])
    for t in pending:
        t.cancel()
    print("cancel() again:", pending[0].cancel(), "cancelling:", pending[0].cancelling())
    results = await asyncio.gather(*tasks, return_exceptions=True)
    for t, r in zip(tasks, results):
        print(t.get_name(), t.done(), t.cancelled(), repr(r))
    print("refcounts after:", [sys.getrefcount(t) for t in tasks])
    print(sys.getsizeof(tasks[0]) > 100, type(results[1]).__mro__[1].__name__)
    try:
        tasks[1].result()
    except asyncio.CancelledError as e:
        print("result() raises", repr(e))

    # Cancelling before they ever ran: the coroutines never start.
    late = [asyncio.create_task(download(f"late{i}", 1)) for i in range(3)]
    for t in late:
        t.cancel(msg="not needed")
    print(await asyncio.gather(*late, return_exceptions=True))
    print([t.cancelled() for t in late], [sys.getrefcount(t) for t in late])

    # gather() without return_exceptions: the first cancellation ends it.
    more = [asyncio.create_task(download(f"m{i}", 2)) for i in range(2)]
    await asyncio.sleep(0)
    more[0].cancel()
    try:
        await asyncio.gather(*more)
    except asyncio.CancelledError:
        print("gather cancelled;", more[1].done())
    more[1].cancel()
    await asyncio.sleep(0)
    print([t.cancelled() for t in more])


asyncio.run(main())
