# A background task fails; main() collects its result later with
# task.result(), which raises the stored exception again.
import asyncio


async def parse(text):
    await asyncio.sleep(0.05)
    return int(text)


async def main():
    tasks = [asyncio.create_task(parse(t)) for t in ["12", "x7", "30"]]
    await asyncio.sleep(0.2)
    print([t.done() for t in tasks])
    total = 0
    for t in tasks:
        total += t.result()
    print(total)


asyncio.run(main())
