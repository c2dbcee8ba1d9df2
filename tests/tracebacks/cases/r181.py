# main() cancels itself by mistake (it meant to cancel a helper task):
# asyncio.run() ends with the CancelledError thrown into its sleep.
import asyncio


async def helper():
    await asyncio.sleep(10)


async def main():
    task = asyncio.create_task(helper())
    await asyncio.sleep(0.1)
    me = asyncio.current_task()
    me.cancel()
    print("cancelling", task.get_name(), "... or so I thought")
    await asyncio.sleep(1)
    print("never printed")


asyncio.run(main())
