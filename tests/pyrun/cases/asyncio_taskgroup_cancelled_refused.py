# Refused honestly: a timeout that cancels a TaskGroup while it waits for
# its tasks, two of which run a finally clause as they unwind (the group
# cancels them in the order of a set, by address, which the program does
# not decide; asyncio_taskgroup_failure_refused shows two orders).
import asyncio
async def slow(n):
    try:
        await asyncio.sleep(n)
    finally:
        print("closed", n)
async def main():
    try:
        async with asyncio.timeout(0.1):
            async with asyncio.TaskGroup() as tg:
                tg.create_task(slow(1))
                tg.create_task(slow(2))
    except TimeoutError:
        print("timed out")
asyncio.run(main())
