# A slow lookup wrapped in wait_for() fails before its timeout: the error
# passes through wait_for's frame (tasks.py) on its way out of asyncio.run().
import asyncio


async def lookup(user_id):
    await asyncio.sleep(0.1)
    if user_id < 0:
        raise ValueError(f"no such user: {user_id}")
    return {"id": user_id}


async def main():
    ok = await asyncio.wait_for(lookup(7), timeout=2)
    print("found", ok)
    user = await asyncio.wait_for(lookup(-1), timeout=2)
    print("found", user)


asyncio.run(main())
