# A task awaited directly, an exception raised from another inside the
# coroutine, and asyncio.run() called from a function.
import asyncio


async def parse(line):
    await asyncio.sleep(0)
    key, value = line.split("=")
    return key.strip(), value.strip()


async def main():
    task = asyncio.create_task(parse("name = pydive"))
    print(await task)
    try:
        await asyncio.create_task(parse("broken line"))
    except ValueError as e:
        raise RuntimeError("bad settings file") from e


def cli():
    asyncio.run(main())


if __name__ == "__main__":
    cli()
