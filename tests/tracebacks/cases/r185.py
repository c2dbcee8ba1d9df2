# wait_for() without a timeout, inside a helper coroutine: the error passes
# through wait_for's frame between two of the program's.
import asyncio


async def read_config(path):
    await asyncio.sleep(0.01)
    raise FileNotFoundError(f"[Errno 2] No such file or directory: '{path}'")


async def load(path):
    return await asyncio.wait_for(read_config(path), None)


async def main():
    cfg = await load("settings.toml")
    print(cfg)


asyncio.run(main())
