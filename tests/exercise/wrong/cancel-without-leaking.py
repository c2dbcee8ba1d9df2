import asyncio


async def build_report():
    print("report: connection opened")
    try:
        await asyncio.sleep(5)  # a slow query
        print("report: ready")
    finally:
        print("report: connection closed")


async def main():
    task = asyncio.create_task(build_report())
    done, pending = await asyncio.wait([task], timeout=0.5)
    if pending:
        print("main: too slow, giving up")
        task.cancel()  # asks, but main does not wait for the task to finish
    print("main: done")


asyncio.run(main())
