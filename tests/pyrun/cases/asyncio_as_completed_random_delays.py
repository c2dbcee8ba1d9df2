# Refused honestly: each task as_completed() makes from a coroutine draws
# its delay from random in its first step, and CPython runs those steps in
# the order of a set (by address): which task gets which number is unknown.
import asyncio
import random

random.seed(1)


async def worker(i):
    delay = random.uniform(0.1, 0.5)
    await asyncio.sleep(delay)
    return i, round(delay, 2)


async def main():
    for c in asyncio.as_completed([worker(i) for i in range(3)]):
        print(await c)


asyncio.run(main())
