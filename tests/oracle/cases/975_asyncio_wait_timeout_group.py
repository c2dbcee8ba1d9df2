# Racing tasks with asyncio.wait (FIRST_COMPLETED, a timeout), bounding
# work with asyncio.timeout() (3.11+), and a TaskGroup that waits for its
# tasks or cancels the rest when one fails.
import asyncio


async def job(n):
    await asyncio.sleep(n / 10)
    return n


async def fails(after):
    await asyncio.sleep(after)
    raise ValueError(f"failed after {after}")


async def main():
    tasks = [asyncio.create_task(job(n), name=f"job{n}") for n in (9, 1, 2)]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print([t.get_name() for t in done], len(pending))
    done, pending = await asyncio.wait(pending, timeout=0.15)
    print(sorted(t.result() for t in done), [t.get_name() for t in pending])
    slow = pending.pop()
    try:
        async with asyncio.timeout(0.05) as cm:
            print("expired?", cm.expired())
            await slow
    except TimeoutError:
        print("timed out; expired:", cm.expired(), "slow cancelled:", slow.cancelled())
    async with asyncio.timeout(None) as cm:
        cm.reschedule(asyncio.get_running_loop().time() + 1)
        print("result", await job(1))
    print("rescheduled, expired:", cm.expired())

    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(job(2))
        b = tg.create_task(job(1))
    print("group", a.result(), b.result())
    try:
        async with asyncio.TaskGroup() as tg:
            long = tg.create_task(job(10))
            tg.create_task(fails(0.05))
    except* ValueError as eg:
        print("caught", [str(e) for e in eg.exceptions], "long cancelled:", long.cancelled())
    print("wait_for", await asyncio.wait_for(job(1), timeout=1))
    try:
        await asyncio.wait_for(job(5), timeout=0.1)
    except TimeoutError:
        print("wait_for timed out")


asyncio.run(main())
