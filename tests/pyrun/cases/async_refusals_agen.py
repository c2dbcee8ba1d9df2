# An asynchronous generator ('yield' inside 'async def') is refused at its line.
async def ticker(n):
    for i in range(n):
        yield i
