# Timeouts three ways: wait_for() around a slow call, asyncio.timeout()
# around a block, and a fallback value when a lookup is too slow.
import asyncio


async def slow_db(query, seconds):
    try:
        await asyncio.sleep(seconds)
        return f"rows for {query!r}"
    except asyncio.CancelledError:
        print(f"  {query!r} cancelled after the timeout")
        raise


async def with_fallback(query, seconds, limit):
    try:
        return await asyncio.wait_for(slow_db(query, seconds), timeout=limit)
    except TimeoutError:
        return "cached rows"


async def main():
    print(await asyncio.wait_for(slow_db("fast", 0.1), timeout=1))
    try:
        await asyncio.wait_for(slow_db("slow", 2), timeout=0.2)
    except TimeoutError as e:
        print("wait_for:", type(e).__name__, "caused by", type(e.__cause__).__name__)

    try:
        async with asyncio.timeout(0.3) as cm:
            print(await slow_db("first", 0.1))
            print(await slow_db("second", 1))
    except TimeoutError:
        print("timeout() block expired:", cm.expired())

    answers = await asyncio.gather(with_fallback("a", 0.1, 0.5), with_fallback("b", 1, 0.2))
    print(answers)


asyncio.run(main())
