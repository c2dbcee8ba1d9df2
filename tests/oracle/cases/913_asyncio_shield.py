# A request handler that must not lose a write: asyncio.shield keeps the
# save running when the caller gives up (wait_for's timeout cancels only
# the shield's outer future).
import asyncio


async def save(record, seconds):
    print(f"saving {record}")
    try:
        await asyncio.sleep(seconds)
    finally:
        print(f"save of {record} finished")
    return f"{record} saved"


async def handler():
    task = asyncio.create_task(save("order-17", 0.5))
    try:
        print(await asyncio.wait_for(asyncio.shield(task), timeout=0.2))
    except TimeoutError:
        print("client gave up; still saving:", not task.done())
    print(await task)
    print(await asyncio.shield(task), asyncio.shield(task) is task)
    print(await asyncio.shield(save("quick", 0.01)))

    inner = asyncio.create_task(save("audit-log", 0.3))
    outer = asyncio.shield(inner)
    print("outer cancel:", outer.cancel())
    await asyncio.sleep(0)
    print("outer cancelled:", outer.cancelled(), "inner cancelled:", inner.cancelled())
    print(await inner)

    inner = asyncio.create_task(save("cache", 0.3))
    outer = asyncio.shield(inner)
    await asyncio.sleep(0.1)
    inner.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("cancelling the inner task cancels the shield:", outer.cancelled())


async def main():
    worker = asyncio.create_task(handler())
    await asyncio.sleep(0.05)
    await worker


asyncio.run(main())
