# asyncio.Event releases every waiter at once; asyncio.Lock keeps a
# read-modify-write with an await in the middle whole (without it the
# updates are lost).
import asyncio


async def waiter(ev, name):
    print(name, "waiting")
    await ev.wait()
    print(name, "released")
    return name


balance = 0


async def deposit_unsafe(amount):
    global balance
    current = balance
    await asyncio.sleep(0.01)
    balance = current + amount


async def deposit(lock, amount):
    global balance
    async with lock:
        current = balance
        await asyncio.sleep(0.01)
        balance = current + amount


async def main():
    global balance
    ev = asyncio.Event()
    tasks = [asyncio.create_task(waiter(ev, f"w{i}")) for i in range(3)]
    await asyncio.sleep(0.1)
    print("is_set", ev.is_set())
    ev.set()
    print(await asyncio.gather(*tasks), ev.is_set())
    ev.clear()
    print("cleared", ev.is_set())

    await asyncio.gather(*(deposit_unsafe(10) for _ in range(5)))
    print("without a lock:", balance)
    balance = 0
    lock = asyncio.Lock()
    await asyncio.gather(*(deposit(lock, 10) for _ in range(5)))
    print("with a lock:", balance, "locked after:", lock.locked())
    await lock.acquire()
    print("acquired by hand:", lock.locked())
    lock.release()
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)


asyncio.run(main())
