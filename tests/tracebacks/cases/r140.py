# A future outlives its loop: asyncio.run() returns it, and setting its
# result twice is _asyncio.Future's InvalidStateError, named by its module.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    return loop.create_future()


fut = asyncio.run(main())
print(fut.done())
try:
    fut.result()
except asyncio.InvalidStateError as e:
    print("InvalidStateError:", e)
fut.set_result(42)
print(fut.result())
fut.set_result(43)
