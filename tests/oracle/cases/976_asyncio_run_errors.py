# What comes out of asyncio.run(): the result of the main coroutine, its
# exception (from the coroutine itself or from a task it awaited through
# gather), caught around asyncio.run() like any other call.
import asyncio


async def compute(x):
    await asyncio.sleep(0.01)
    if x < 0:
        raise ValueError(f"negative: {x}")
    return x * 2


async def main(values):
    return await asyncio.gather(*(compute(v) for v in values))


async def broken():
    await asyncio.sleep(0)
    return {}["missing"]


print(asyncio.run(main([1, 2, 3])))
for values in ([1, -2, 3], [-1, -5]):
    try:
        asyncio.run(main(values))
    except ValueError as e:
        tb = e.__traceback__
        print(type(e).__name__, e.args, "line", tb.tb_lineno)
try:
    asyncio.run(broken())
except LookupError as e:
    print(repr(e), isinstance(e, KeyError))
try:
    asyncio.run(compute)
except (TypeError, ValueError) as e:
    print(type(e).__name__)
print(asyncio.run(compute(21)))
