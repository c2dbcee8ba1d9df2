# Refused honestly: what the model of asyncio does not state (see docs/THREADS.md).
# wait_for's frames over a coroutine of the program are modelled; straight
# over asyncio.sleep() (or Queue.get()) the CancelledError's traceback goes
# on into sleep's frame after wait_for's, which the model does not have.
import asyncio
async def main():
    await asyncio.wait_for(asyncio.sleep(1), timeout=0.1)
print("start")
asyncio.run(main())
