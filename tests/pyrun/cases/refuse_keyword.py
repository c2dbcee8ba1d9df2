import asyncio

async def main():
    task = asyncio.create_task(asyncio.sleep(0), context=None)
    await task

asyncio.run(main())
