# Show results as they arrive with asyncio.as_completed: the slowest
# download comes last whatever order the tasks were made in; a timeout
# raises TimeoutError from the next awaited item.
import asyncio


async def download(name, seconds):
    await asyncio.sleep(seconds)
    print(f"  {name} finished")
    return f"{name} ({seconds}s)"


async def main():
    jobs = [("report.pdf", 0.3), ("logo.png", 0.1), ("data.csv", 0.2)]
    tasks = [asyncio.create_task(download(n, s)) for n, s in jobs]
    for i, next_done in enumerate(asyncio.as_completed(tasks), 1):
        print(i, "got", await next_done)

    tasks = [asyncio.create_task(download(n, s)) for n, s in [("big.iso", 0.3), ("a.txt", 0.1), ("b.txt", 0.1)]]
    try:
        for next_done in asyncio.as_completed(tasks, timeout=0.2):
            print("got", await next_done)
    except TimeoutError:
        print("gave up waiting")
    print(await tasks[0])

    async def flaky(i):
        await asyncio.sleep(0.05 * (4 - i))
        if i == 2:
            raise ValueError(f"job {i} failed")
        return i * 10

    tasks = [asyncio.create_task(flaky(i)) for i in range(4)]
    waiters = list(asyncio.as_completed(tasks))
    print(len(waiters))
    print(await asyncio.gather(*waiters, return_exceptions=True))

    for c in asyncio.as_completed([download("single", 0.01)]):
        print(await c)
    print(len(list(asyncio.as_completed([]))))


asyncio.run(main())
