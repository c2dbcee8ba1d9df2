# Timeouts as tutorials show them: wait_for on a slow call, asyncio.timeout
# blocks (3.11+), a deadline moved with reschedule, and a task cancelled
# cleanly with its finally clause run.
import asyncio


async def slow_query(seconds):
    try:
        await asyncio.sleep(seconds)
        return f"rows after {seconds}s"
    finally:
        print(f"  query({seconds}) cleaned up")


async def main():
    print(await asyncio.wait_for(slow_query(0.1), timeout=1))
    try:
        await asyncio.wait_for(slow_query(5), timeout=0.2)
    except TimeoutError:
        print("wait_for timed out")

    try:
        async with asyncio.timeout(0.1) as cm:
            await slow_query(1)
    except TimeoutError:
        print("timeout block expired:", cm.expired())

    async with asyncio.timeout(None) as cm:
        loop = asyncio.get_running_loop()
        cm.reschedule(loop.time() + 0.5)
        print(round(cm.when() - loop.time(), 3))
        print(await slow_query(0.2))
    try:
        cm.reschedule(None)
    except RuntimeError as e:
        print(e)
    try:
        async with asyncio.timeout_at(loop.time() + 0.05):
            await slow_query(1)
    except TimeoutError:
        print("timeout_at expired")
    print("expired:", cm.expired())

    task = asyncio.create_task(slow_query(10))
    await asyncio.sleep(0.05)
    task.cancel("shutting down")
    try:
        await task
    except asyncio.CancelledError as e:
        print("cancelled with", e.args)
    print(task.cancelled())

    results = []
    for s in (0.05, 0.3):
        try:
            results.append(await asyncio.wait_for(slow_query(s), 0.1))
        except TimeoutError:
            results.append(None)
    print(results)


asyncio.run(main())
