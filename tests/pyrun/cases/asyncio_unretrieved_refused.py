# Refused honestly: what the model of asyncio does not state (see docs/THREADS.md).
import asyncio
async def fail():
    raise KeyError("lost")
async def main():
    asyncio.create_task(fail())
    await asyncio.sleep(0.1)
    print("main done")
asyncio.run(main())
