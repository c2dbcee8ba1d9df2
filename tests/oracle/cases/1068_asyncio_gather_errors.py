# gather() with return_exceptions=True for a batch of API calls, then a
# TaskGroup for the same batch, where one failure cancels the rest.
import asyncio


async def call(endpoint, delay, fail=False):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(f"  {endpoint} cancelled")
        raise
    if fail:
        raise RuntimeError(f"{endpoint} returned 500")
    return f"{endpoint}: 200"


async def main():
    batch = [("users", 0.1), ("orders", 0.2, True), ("stock", 0.3)]
    results = await asyncio.gather(*(call(*c) for c in batch), return_exceptions=True)
    for r in results:
        print(type(r).__name__, r)

    try:
        async with asyncio.TaskGroup() as tg:
            for c in batch:
                tg.create_task(call(*c))
    except* RuntimeError as eg:
        print("TaskGroup failed:", [str(e) for e in eg.exceptions])


asyncio.run(main())
