# Forgetting `await`: the coroutine is created but never runs, and CPython
# warns when it goes away.  A task that is never awaited still runs, once
# the loop gets control; the ones left at the end are cancelled.
import asyncio


async def send_email(to):
    await asyncio.sleep(0.1)
    print("email sent to", to)
    return True


async def log_forever():
    try:
        while True:
            await asyncio.sleep(0.25)
            print("still logging")
    except asyncio.CancelledError:
        print("logger cancelled at shutdown")
        raise


async def main():
    send_email("ann@example.com")  # forgot the await: nothing is sent
    asyncio.sleep(1)  # forgot it here too: no pause
    print("after the forgotten awaits")
    asyncio.create_task(log_forever())  # runs in the background
    ok = await send_email("bob@example.com")
    print("bob:", ok)
    await asyncio.sleep(0.6)
    print("main returns")
    return "done"


print(asyncio.run(main()))
print("loop closed")
