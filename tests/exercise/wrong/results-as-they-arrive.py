import asyncio

SERVICES = {"weather": 0.3, "news": 0.1, "stocks": 0.2}


async def ask(service, seconds):
    await asyncio.sleep(seconds)  # the service answers after this long
    return f"{service}: answered in {seconds} s"


async def main():
    # the right order, but one request after the other: 600 ms
    for name, seconds in sorted(SERVICES.items(), key=lambda item: item[1]):
        print(await ask(name, seconds))


asyncio.run(main())
