import asyncio
async def main():
    t = asyncio.create_task(asyncio.sleep(0))
    print(vars(t))
asyncio.run(main())
