# asyncio.get_running_loop() outside a running loop: _asyncio's C function
# raises, so the traceback ends in the program's own frame.
import asyncio


def schedule_tick():
    loop = asyncio.get_running_loop()
    return loop.call_soon(print, "tick")


print(asyncio.iscoroutine(schedule_tick))
schedule_tick()
