import asyncio
import time


async def load_user(user_id):
    await asyncio.sleep(0)  # an await first, but the driver call still blocks
    time.sleep(0.2)  # the database driver answers after 200 ms
    return {"id": user_id, "name": f"user{user_id}"}


async def handle(request_id):
    user = await load_user(request_id)
    print(f"request {request_id}: {user['name']}")
    return user["id"]


async def main():
    served = await asyncio.gather(*(handle(i) for i in range(1, 4)))
    print("served", served)


asyncio.run(main())
