# Refused honestly: what the first step of as_completed()'s tasks prints
# comes in the order of a set (CPython makes the tasks from set(fs)).
import asyncio
async def fetch(url, delay):
    print("fetching", url)
    await asyncio.sleep(delay)
    return url
async def main():
    print("start")
    for c in asyncio.as_completed([fetch("a", 0.2), fetch("b", 0.1)]):
        print(await c)
asyncio.run(main())
