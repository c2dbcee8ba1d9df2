async def fetch(n):
    return n


async def fetch_all(ns):
    return [await fetch(n) for n in ns]
