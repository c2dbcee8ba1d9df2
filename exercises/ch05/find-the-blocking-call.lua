-- Fix it: three requests handled by one event loop, and one plain call in the handler
-- path holds the loop while it waits. On the simulated interpreter asyncio runs CPython's
-- loop on a simulated clock: time.sleep() stops the whole loop for its duration (as a
-- blocking driver call does), await asyncio.sleep() lets the loop serve the others.
-- The run's simulated time is read from the scheduler (run.threads().ms).
return {
    id = "find-the-blocking-call",
    title = "Find the blocking call in an async handler",
    goal = "Serve the three requests in under 300 ms of simulated time (each still waits "
        .. "200 ms for the database) and print the same lines.",
    kind = "fix",
    view = "loop", -- the view the program opens on
    difficulty = 2,
    competencies = { "async-services" },
    hints = {
        "Three requests that each wait 200 ms take 600 ms: are the waits overlapping?",
        "An async def function can still make a plain blocking call; while it runs no other "
            .. "task does: see ch05#blocking-the-loop.",
        "The driver in load_user blocks. Its async counterpart here is "
            .. "await asyncio.sleep(0.2): the task waits, the loop serves the others.",
    },
    starter = [[
import asyncio
import time


async def load_user(user_id):
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
]],
    solution = [[
import asyncio
import time


async def load_user(user_id):
    await asyncio.sleep(0.2)  # the database driver answers after 200 ms
    return {"id": user_id, "name": f"user{user_id}"}


async def handle(request_id):
    user = await load_user(request_id)
    print(f"request {request_id}: {user['name']}")
    return user["id"]


async def main():
    served = await asyncio.gather(*(handle(i) for i in range(1, 4)))
    print("served", served)


asyncio.run(main())
]],
    check = function(run)
        if run.exit ~= 0 then
            return false, "the program stopped with an error: " .. (run.error or "?")
        end
        local want = { "request 1: user1", "request 2: user2", "request 3: user3", "served [1, 2, 3]" }
        for i, line in ipairs(want) do
            if run.stdout[i] ~= line then
                return false, "print the same four lines, line " .. i .. ": " .. line
            end
        end
        local ms = run.threads().ms
        if ms < 190 then
            return false, string.format("%.0f ms of simulated time: each request must still "
                .. "wait 200 ms for the database", ms)
        end
        if ms >= 300 then
            return false, string.format("%.0f ms of simulated time for three requests: a call "
                .. "in the handler path still holds the loop while it waits", ms)
        end
        return true, string.format("%.0f ms for three 200 ms waits: the loop served the other "
            .. "requests while each one waited", ms)
    end,
}
