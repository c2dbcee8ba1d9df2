# Refused honestly: a TaskGroup whose task fails cancels the others in the
# order of a set of tasks (by address): with two or more still running,
# the order their cancellations run in is not modelled.
import asyncio
async def ok():
    await asyncio.sleep(1)
async def bad():
    await asyncio.sleep(0.1)
    raise ValueError("boom")
async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(ok())
            tg.create_task(ok())
            tg.create_task(bad())
    except Exception as e:
        print(type(e).__name__)
print("start")
asyncio.run(main())
