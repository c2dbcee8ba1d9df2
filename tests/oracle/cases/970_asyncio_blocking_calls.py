# A blocking call inside a coroutine stops the whole event loop: no other
# task runs until it returns, while the program's other threads go on.
# time.sleep, a threading.Lock held by a thread, queue.Queue.get and
# threading.Event.wait, each next to a heartbeat task that should tick
# every 0.25 s.  Times are printed to the quarter second: every event is
# within 0.02 s of one, so a slower machine's few milliseconds never show.
import asyncio
import queue
import threading
import time

log = []
start = 0.0


def note(what):
    quarters = round((time.monotonic() - start) * 4)
    log.append(f"{quarters / 4:.2f}  {what}")


async def heartbeat(n):
    for i in range(n):
        note(f"beat {i}")
        await asyncio.sleep(0.25)


async def sleepy_handler():
    await asyncio.sleep(0.02)
    note("handler calls time.sleep(0.5)")
    time.sleep(0.5)
    note("handler is back")
    return "slept"


def hold(lock, taken):
    with lock:
        taken.set()
        time.sleep(0.52)
        note("thread releases the lock")


async def locked_handler(lock):
    await asyncio.sleep(0.02)
    note("handler calls lock.acquire()")
    got = lock.acquire()
    note(f"handler got the lock: {got}")
    lock.release()
    return got


def produce(q):
    time.sleep(0.27)
    note("thread puts a job")
    q.put({"job": 7})


async def queue_handler(q):
    await asyncio.sleep(0.02)
    note("handler calls q.get()")
    item = q.get()
    note(f"handler got {item}")
    try:
        q.get(timeout=0.25)
    except queue.Empty:
        note("handler: queue.Empty after 0.25 s")
    return item["job"]


async def event_handler(ev):
    await asyncio.sleep(0.02)
    first = ev.wait(0.25)
    note(f"ev.wait(0.25) -> {first}")
    second = ev.wait(2)
    note(f"ev.wait(2) -> {second}")
    return first, second


async def main():
    global start
    start = time.monotonic()
    print(await asyncio.gather(heartbeat(3), sleepy_handler()))

    start = time.monotonic()
    lock, taken = threading.Lock(), threading.Event()
    t = threading.Thread(target=hold, args=(lock, taken))
    t.start()
    taken.wait()
    print(await asyncio.gather(heartbeat(3), locked_handler(lock)))
    t.join()

    start = time.monotonic()
    q = queue.Queue()
    t = threading.Thread(target=produce, args=(q,))
    t.start()
    print(await asyncio.gather(heartbeat(3), queue_handler(q)))
    t.join()

    start = time.monotonic()
    ev = threading.Event()
    timer = threading.Timer(0.52, ev.set)
    timer.start()
    print(await asyncio.gather(heartbeat(2), event_handler(ev)))
    timer.join()


asyncio.run(main())
print("\n".join(log))
