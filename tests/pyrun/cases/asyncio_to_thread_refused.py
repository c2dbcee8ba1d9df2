# Refused honestly: what the model of asyncio does not state (see docs/THREADS.md).
import asyncio, time
def blocking():
    time.sleep(0.1)
    return 1
async def main():
    print(await asyncio.to_thread(blocking))
asyncio.run(main())
