# A deadline around two steps with asyncio.timeout(): the second step is too
# slow, the CancelledError becomes a TimeoutError in Timeout.__aexit__.
import asyncio


async def step(name, seconds):
    print("start", name)
    await asyncio.sleep(seconds)
    print("end", name)


async def main():
    async with asyncio.timeout(0.5):
        await step("fetch", 0.2)
        await step("render", 1.0)


asyncio.run(main())
