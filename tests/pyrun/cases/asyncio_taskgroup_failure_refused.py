# Refused honestly: a TaskGroup whose task fails cancels the others in the
# order of a set of tasks (by address): with two or more of them running
# except or finally clauses as they unwind, the order those run in is not
# the program's.
import asyncio
async def ok(n):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("cancelled", n)
        raise
async def bad():
    await asyncio.sleep(0.1)
    raise ValueError("boom")
async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(ok(1))
            tg.create_task(ok(2))
            tg.create_task(bad())
    except Exception as e:
        print(type(e).__name__)
print("start")
asyncio.run(main())
