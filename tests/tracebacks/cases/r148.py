# The exception out of asyncio.run() caught at the top level and another
# raised while handling it: both tracebacks, asyncio's frames in the first.
import asyncio


async def divide(a, b):
    await asyncio.sleep(0.01)
    return a / b


async def main():
    results = []
    for b in (4, 2, 0):
        results.append(await divide(8, b))
        print(results)


try:
    asyncio.run(main())
except ZeroDivisionError:
    print("a division failed")
    raise SystemError("cannot go on")
