# Cancelling a background task the right way: cancel(), await it, catch
# CancelledError, and let its finally clause release what it held.
import asyncio

released = []


async def ticker(name, interval):
    count = 0
    try:
        while True:
            await asyncio.sleep(interval)
            count += 1
    except asyncio.CancelledError:
        print(f"{name}: cancelled after {count} ticks")
        raise
    finally:
        released.append(name)


async def main():
    t1 = asyncio.create_task(ticker("fast", 0.1), name="fast")
    t2 = asyncio.create_task(ticker("slow", 0.3), name="slow")
    await asyncio.sleep(0.45)
    print("cancel requested:", t1.cancel(), t2.cancel())
    print("cancelling counts:", t1.cancelling(), t2.cancelling())
    for t in (t1, t2):
        try:
            await t
        except asyncio.CancelledError:
            print(t.get_name(), "done:", t.done(), "cancelled:", t.cancelled())
    print("released:", released)
    print("cancel again:", t1.cancel())


asyncio.run(main())
