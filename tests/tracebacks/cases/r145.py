# An exception in the main coroutine, uncaught: asyncio.run() raises it
# again (runners.py, base_events.py: asyncio's frames in the traceback).
import asyncio


async def read_config(path):
    await asyncio.sleep(0.05)
    return {"path": path, "retries": "three"}


async def main():
    config = await read_config("app.toml")
    print("loaded", config["path"])
    retries = int(config["retries"])
    print("retries:", retries)


asyncio.run(main())
