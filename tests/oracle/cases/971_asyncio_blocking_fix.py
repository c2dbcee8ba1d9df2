# Finding the blocking call in an async handler: three requests handled
# concurrently, each doing 0.26 s of blocking work.  Called directly the
# work serializes the loop (0.78 s); moved to a thread with to_thread or
# run_in_executor the requests overlap; a `with lock:` and a join() of a
# thread block the loop too.
import asyncio
import concurrent.futures
import threading
import time


def blocking_work(n):
    time.sleep(0.26)
    return n * n


async def handle_blocking(n):
    return blocking_work(n)


async def handle_to_thread(n):
    return await asyncio.to_thread(blocking_work, n)


async def handle_executor(pool, n):
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(pool, blocking_work, n)


async def timed(label, coros):
    t0 = time.perf_counter()
    results = await asyncio.gather(*coros)
    print(f"{label:12} {results} {time.perf_counter() - t0:.1f} s")


counter_lock = threading.Lock()
counter = 0


def bump_slowly():
    global counter
    with counter_lock:
        time.sleep(0.22)
        counter += 1


async def bump_in_loop(tag):
    global counter
    await asyncio.sleep(0)
    with counter_lock:          # waits for the thread, blocking the loop
        counter += 10
    return tag


async def main():
    await timed("blocking", [handle_blocking(n) for n in range(3)])
    await timed("to_thread", [handle_to_thread(n) for n in range(3)])
    with concurrent.futures.ThreadPoolExecutor(max_workers=3) as pool:
        await timed("executor", [handle_executor(pool, n) for n in range(3)])

    t = threading.Thread(target=bump_slowly)
    t.start()
    t0 = time.perf_counter()
    print(await asyncio.gather(bump_in_loop("a"), bump_in_loop("b")), counter)
    t.join()                    # already done: returns at once
    print(f"lock waits {time.perf_counter() - t0:.1f} s, counter {counter}")

    worker = threading.Thread(target=time.sleep, args=(0.32,))
    worker.start()
    t0 = time.perf_counter()
    worker.join()               # blocks the loop until the thread ends
    print(f"join blocked the loop {time.perf_counter() - t0:.1f} s, alive {worker.is_alive()}")


asyncio.run(main())
