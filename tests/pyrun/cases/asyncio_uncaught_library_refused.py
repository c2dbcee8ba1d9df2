# Refused honestly: an uncaught exception out of asyncio.run() whose
# traceback also has another library's frames (json's), which the model
# runs in C; and the same exception wrapped at the top level.
import asyncio
import json


async def load(text):
    await asyncio.sleep(0)
    return json.loads(text)


async def main():
    print(await load('{"ok": true}'))
    return await load("{broken")


try:
    asyncio.run(main())
except ValueError as e:
    raise RuntimeError("bad config") from e
