async def f[T](a, /, b=1, *c, d: int, **e) -> T:
    async with (a as b, c):
        await x
    yield from y
