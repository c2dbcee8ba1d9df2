# One download in a TaskGroup fails: the group cancels the others and its
# __aexit__ raises an ExceptionGroup nobody catches.
import asyncio


async def download(name, delay):
    await asyncio.sleep(delay)
    if name == "b.csv":
        raise ConnectionError(f"reset while reading {name}")
    print("downloaded", name)
    return name


async def main():
    async with asyncio.TaskGroup() as tg:
        for i, name in enumerate(["a.csv", "b.csv", "c.csv"]):
            tg.create_task(download(name, 0.1 * (i + 1)))
    print("all done")


asyncio.run(main())
