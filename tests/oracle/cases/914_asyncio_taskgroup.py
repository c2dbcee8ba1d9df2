# asyncio.TaskGroup (3.11+): the block waits for every task it started;
# tasks may start more tasks in the group; names, repr and the group's
# RuntimeErrors.
import asyncio


async def fetch(url, seconds):
    print(f"GET {url}")
    await asyncio.sleep(seconds)
    print(f"200 {url}")
    return len(url)


async def main():
    tg = asyncio.TaskGroup()
    print(repr(tg))
    async with tg as group:
        print(group is tg, repr(tg))
        users = tg.create_task(fetch("/users", 0.2))
        orders = tg.create_task(fetch("/orders", 0.1), name="orders")
        print(repr(tg), users.get_name(), orders.get_name())
        print("body done, waiting")
    print(repr(tg), users.result(), orders.result())
    try:
        async with tg:
            pass
    except RuntimeError as e:
        print(e)

    async with asyncio.TaskGroup():
        pass
    print("an empty group exits at once")

    async with asyncio.TaskGroup() as tg:
        slow = tg.create_task(fetch("/slow", 0.3))
        fast = tg.create_task(fetch("/fast", 0.1))
        await asyncio.sleep(0.2)
        print("fast done:", fast.done(), "slow done:", slow.done())
        slow.cancel()
    print("slow cancelled:", slow.cancelled(), fast.result())

    finished = []

    async def crawl(page, depth):
        await asyncio.sleep(0.01 * (3 - depth))
        finished.append(page)
        if depth < 2:
            for i in range(2):
                crawler.create_task(crawl(f"{page}.{i}", depth + 1))

    async with asyncio.TaskGroup() as crawler:
        crawler.create_task(crawl("root", 0))
    print(finished)
    t = asyncio.create_task(fetch("/after", 0))
    print(t.get_name())
    await t


asyncio.run(main())
