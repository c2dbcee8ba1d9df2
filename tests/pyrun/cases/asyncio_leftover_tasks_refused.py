import asyncio
async def forever(n):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("cancelled", n)
        raise
async def main():
    for i in range(3):
        asyncio.create_task(forever(i))
    await asyncio.sleep(0)
asyncio.run(main())
print("end")
