# Refused honestly: what the model of asyncio does not state (see docs/THREADS.md).
# asyncio.run()'s own frames are modelled; wait_for's (tasks.py) are not.
import asyncio
async def slow():
    await asyncio.sleep(0.1)
    raise ValueError("boom")
async def main():
    await asyncio.wait_for(slow(), timeout=1)
print("start")
asyncio.run(main())
