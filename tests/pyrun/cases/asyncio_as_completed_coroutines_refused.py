# Refused honestly: as_completed() makes the tasks of the coroutines it is
# given in the order of a set (by their addresses); two that sleep as long
# wake in that order.
import asyncio
async def job(i):
    await asyncio.sleep(0.1)
    return i
async def main():
    for c in asyncio.as_completed([job(1), job(2)]):
        print(await c)
asyncio.run(main())
