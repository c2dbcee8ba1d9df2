# Refused honestly: a timeout that cancels a TaskGroup while it waits for
# its tasks (the group cancels them in the order of a set, by address).
import asyncio
async def main():
    try:
        async with asyncio.timeout(0.1):
            async with asyncio.TaskGroup() as tg:
                tg.create_task(asyncio.sleep(1))
                tg.create_task(asyncio.sleep(2))
    except TimeoutError:
        print("timed out")
asyncio.run(main())
