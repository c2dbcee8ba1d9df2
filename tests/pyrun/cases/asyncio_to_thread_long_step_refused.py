# Refused honestly: a worker thread of to_thread() wakes while a coroutine
# runs a long step of plain Python; CPython hands it the GIL inside that
# step (after the 5 ms switch interval), the model runs a loop step whole.
import asyncio, time
def blocking():
    time.sleep(0.01)
    print("worker awake")
    return 1
async def busy():
    total = 0
    for i in range(2000000):
        total += i
    print("busy done")
async def main():
    print(await asyncio.gather(asyncio.to_thread(blocking), busy()))
asyncio.run(main())
