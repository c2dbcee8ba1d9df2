-- Fix it: a task that outlives the code that gave up on it. asyncio.wait() with a
-- timeout returns the tasks still pending and leaves them running; here the slow
-- query's connection is only closed when asyncio.run() cancels what is left at the
-- very end. On the simulated interpreter the loop is CPython's, on a simulated clock.
return {
    id = "cancel-without-leaking",
    title = "Cancel a slow task without leaking it",
    goal = "Give up on the report after 0.5 s of simulated time, and have its connection "
        .. "closed before main prints 'main: done'.",
    kind = "fix",
    view = "loop", -- the view the program opens on
    difficulty = 2,
    competencies = { "async-services" },
    hints = {
        "Read the order of the lines: when is the connection closed?",
        "asyncio.wait(..., timeout=...) does not cancel what is still pending; cancel() "
            .. "only asks: the task runs its finally clause when it next resumes, see "
            .. "ch05#cancellation-and-disconnects.",
        "Call task.cancel(), then wait for the task to finish (await asyncio.wait([task]), "
            .. "or await it and catch asyncio.CancelledError) before printing 'main: done'.",
    },
    starter = [[
import asyncio


async def build_report():
    print("report: connection opened")
    try:
        await asyncio.sleep(5)  # a slow query
        print("report: ready")
    finally:
        print("report: connection closed")


async def main():
    task = asyncio.create_task(build_report())
    done, pending = await asyncio.wait([task], timeout=0.5)
    if pending:
        print("main: too slow, giving up")
    print("main: done")


asyncio.run(main())
]],
    solution = [[
import asyncio


async def build_report():
    print("report: connection opened")
    try:
        await asyncio.sleep(5)  # a slow query
        print("report: ready")
    finally:
        print("report: connection closed")


async def main():
    task = asyncio.create_task(build_report())
    done, pending = await asyncio.wait([task], timeout=0.5)
    if pending:
        print("main: too slow, giving up")
        task.cancel()
        await asyncio.wait([task])
    print("main: done")


asyncio.run(main())
]],
    check = function(run)
        if run.exit ~= 0 then
            return false, "the program stopped with an error: " .. (run.error or "?")
        end
        local at = {}
        for i, line in ipairs(run.stdout) do
            at[line] = at[line] or i
        end
        if at["report: ready"] then
            return false, "the report finished: give up on it after 0.5 s"
        end
        local ms = run.threads().ms
        if ms >= 1000 then
            return false, string.format("%.0f ms of simulated time: give up on the report "
                .. "after 0.5 s", ms)
        end
        if not at["main: done"] then
            return false, "print 'main: done' at the end of main()"
        end
        if not at["report: connection closed"] then
            return false, "the report's connection is never closed"
        end
        if at["report: connection closed"] > at["main: done"] then
            return false, "the connection is closed after 'main: done': the task outlived "
                .. "main() (cancel() only asks; wait until the task has finished)"
        end
        return true, string.format("the task was cancelled and its connection closed before "
            .. "main ended, after %.0f ms of simulated time", ms)
    end,
}
