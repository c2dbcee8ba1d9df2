# Refused honestly: what the model of asyncio does not state (see docs/THREADS.md).
import asyncio, sys, time
async def main():
    t = asyncio.current_task()
    print(sys.getsizeof(t))
    print(sys.getrefcount(t))
asyncio.run(main())
