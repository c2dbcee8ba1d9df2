# TaskGroup failure paths (3.11+): a task that fails cancels its sibling
# and the parent's body; the group raises an ExceptionGroup that except*
# takes apart; an error in the body joins the group; cancelling() of the
# parent after it, per version.
import asyncio


async def fetch(name, seconds, fail=False):
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print(f"  {name} cancelled")
        raise
    if fail:
        raise ValueError(f"{name} failed")
    print(f"  {name} ok")
    return name


async def job(n, delay, fail=None):
    await asyncio.sleep(delay)
    if fail:
        raise fail(f"job {n}")
    return n


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            ok = tg.create_task(fetch("slow", 0.3))
            bad = tg.create_task(fetch("bad", 0.1, fail=True))
        print("not reached")
    except* ValueError as eg:
        print("caught:", repr(eg))
        print(repr(eg.exceptions[0]), eg.exceptions[0].__traceback__ is not None)
    print(ok.cancelled(), bad.done(), repr(bad.exception()))
    print(asyncio.current_task().cancelling())

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fetch("boom", 0.05, fail=True))
            print("body waits")
            await asyncio.sleep(1)
            print("not reached either")
    except ExceptionGroup as e:
        print("group:", repr(e), e.__cause__, e.__suppress_context__)
        print(type(e.__context__).__name__)
    print(asyncio.current_task().cancelling())

    try:
        async with asyncio.TaskGroup() as tg:
            t = tg.create_task(fetch("pending", 0.5))
            await asyncio.sleep(0.01)
            raise KeyError("from the body")
    except* KeyError as eg:
        print("body error:", repr(eg), t.cancelled())

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job(1, 0.1, ValueError))
            tg.create_task(job(2, 0.1, TypeError))
    except* ValueError as v:
        print("V", repr(v))
    except* TypeError as t:
        print("T", repr(t))

    try:
        async with asyncio.TaskGroup() as tg:
            t1 = tg.create_task(job(1, 0.2))
            t2 = tg.create_task(job(2, 0.1, RuntimeError))
    except ExceptionGroup as eg:
        print(eg.exceptions, t1.cancelled(), t2.exception())

    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(fetch("a", 0.01))
    print(a.result(), len(asyncio.all_tasks()))


asyncio.run(main())
