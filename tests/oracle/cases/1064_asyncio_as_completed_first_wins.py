# Race three mirrors, take the first answer, cancel the rest; then collect
# all answers in completion order with as_completed().
import asyncio

MIRRORS = {"eu": 0.3, "us": 0.1, "asia": 0.5}


async def download(mirror):
    await asyncio.sleep(MIRRORS[mirror])
    return mirror


async def main():
    tasks = [asyncio.create_task(download(m), name=m) for m in MIRRORS]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print("winner:", [t.result() for t in done])
    for t in pending:
        t.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    print("cancelled:", sorted(t.get_name() for t in tasks if t.cancelled()))

    order = []
    for fut in asyncio.as_completed([download(m) for m in ("asia", "eu", "us")]):
        order.append(await fut)
    print("completion order:", order)


asyncio.run(main())
