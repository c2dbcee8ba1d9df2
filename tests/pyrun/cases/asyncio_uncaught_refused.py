# Refused honestly: what the model of asyncio does not state (see docs/THREADS.md).
import asyncio
async def main():
    await asyncio.sleep(0.1)
    raise ValueError("boom")
print("start")
asyncio.run(main())
