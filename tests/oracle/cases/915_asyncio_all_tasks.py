# current_task() and all_tasks(): a monitor that counts the tasks still
# running while workers finish one by one.
import asyncio


async def worker(n):
    me = asyncio.current_task()
    await asyncio.sleep(0.1 * n)
    print(f"{me.get_name()} finished after {n * 100} ms")


async def monitor():
    me = asyncio.current_task()
    for _ in range(4):
        others = asyncio.all_tasks() - {me}
        print(f"monitor: {len(others)} other tasks running")
        await asyncio.sleep(0.1)


async def main():
    main_task = asyncio.current_task()
    print(main_task.get_name(), main_task in asyncio.all_tasks(), len(asyncio.all_tasks()))
    workers = [asyncio.create_task(worker(n), name=f"worker-{n}") for n in (1, 2, 3)]
    print(len(asyncio.all_tasks()), all(w in asyncio.all_tasks() for w in workers))
    await asyncio.gather(monitor(), *workers)
    print(len(asyncio.all_tasks()), type(asyncio.all_tasks()).__name__)


asyncio.run(main())
try:
    asyncio.all_tasks()
except RuntimeError as e:
    print("outside the loop:", e)
try:
    asyncio.current_task()
except RuntimeError as e:
    print("outside the loop:", e)
