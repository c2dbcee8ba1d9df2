async def consume(stream):
    total = 0
    async for item in stream:
        total += item
    return total
