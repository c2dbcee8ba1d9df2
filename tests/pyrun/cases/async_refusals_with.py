async def handle(lock):
    async with lock:
        return 1
