# A request given 0.3 s with wait_for(): the reply takes longer, wait_for
# cancels it and raises TimeoutError from the CancelledError (both shown).
import asyncio


async def request(path):
    print("GET", path)
    await asyncio.sleep(0.1)   # connect
    await asyncio.sleep(1.0)   # a slow server
    return "200 OK"


async def main():
    status = await asyncio.wait_for(request("/health"), timeout=0.3)
    print(status)


asyncio.run(main())
