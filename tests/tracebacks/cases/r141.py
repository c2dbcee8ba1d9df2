# A program's own raise of asyncio's exception classes: the last line names
# the module they come from (asyncio.exceptions), TimeoutError is builtins'.
import asyncio


def check(flags):
    for name, flag in flags.items():
        if flag == "timeout":
            print(asyncio.TimeoutError is TimeoutError)
        elif flag:
            raise asyncio.CancelledError(f"{name}: shutdown requested")


check({"db": "timeout", "cache": False, "web": True})
