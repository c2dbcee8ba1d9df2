# asyncio.wait() when the futures finish in the same turn, or one a turn after
# the first (its done callback then runs after wait() returned), and a
# timeout that comes due with the sleep it races.
import asyncio


async def job(d):
    await asyncio.sleep(d)
    return d


async def main():
    a = asyncio.create_task(job(0.1))

    async def follower():
        return await a

    b = asyncio.create_task(follower())
    done, pending = await asyncio.wait([a, b], return_when=asyncio.FIRST_COMPLETED)
    print(len(done), len(pending))
    print(await b)
    c = asyncio.create_task(job(0.2))
    d = asyncio.create_task(job(0.2))
    done, pending = await asyncio.wait([c, d], return_when=asyncio.FIRST_COMPLETED)
    print(len(done), len(pending))
    r = await asyncio.wait([asyncio.create_task(job(0.1))], timeout=0.1)
    print([len(x) for x in r])
    print("ok")


asyncio.run(main())
