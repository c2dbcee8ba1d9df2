# Health checks with a deadline: asyncio.wait(timeout=...) does not raise,
# it returns what finished in time; FIRST_EXCEPTION stops at the first
# failure and leaves the rest running.
import asyncio


async def check(service, seconds, healthy=True):
    await asyncio.sleep(seconds)
    if not healthy:
        raise ConnectionError(f"{service} refused the connection")
    print(f"  {service} ok")
    return service


async def main():
    services = [("db", 0.05), ("cache", 0.02), ("search", 0.4), ("mail", 0.9)]
    checks = [asyncio.create_task(check(s, t)) for s, t in services]
    loop = asyncio.get_running_loop()
    start = loop.time()
    done, pending = await asyncio.wait(checks, timeout=0.25)
    print(f"after {loop.time() - start:.2f}s: {len(done)} answered, {len(pending)} still waiting")
    print("slow:", [s for (s, _), t in zip(services, checks) if t in pending])
    done, pending = await asyncio.wait(pending, timeout=0.3)
    print(len(done), len(pending), checks[2].result())
    checks[3].cancel()
    await asyncio.wait([checks[3]])
    print("mail cancelled:", checks[3].cancelled())

    print("-- first exception")
    checks = [
        asyncio.create_task(check("api", 0.1)),
        asyncio.create_task(check("auth", 0.2, healthy=False)),
        asyncio.create_task(check("billing", 0.5)),
    ]
    done, pending = await asyncio.wait(checks, return_when=asyncio.FIRST_EXCEPTION)
    print(len(done), len(pending))
    for t in checks:
        if t in done and t.exception() is not None:
            print("failed:", repr(t.exception()))
        elif t in done:
            print("passed:", t.result())
    for t in pending:
        t.cancel()
    await asyncio.wait(pending)
    print([t.cancelled() for t in checks])


asyncio.run(main())
