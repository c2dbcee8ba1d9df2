-- Fix it: a dashboard asks three services at once and shows nothing until the
-- slowest has answered. asyncio.gather() hands back every result together, in the
-- order it was given them; asyncio.as_completed() hands back each one as soon as it
-- is done. On the simulated interpreter the loop is CPython's, on a simulated clock
-- (the run's time is read from the scheduler: run.threads().ms).
return {
    id = "results-as-they-arrive",
    title = "Show each result as it arrives",
    goal = "Print each service's line as soon as it has answered, the quickest first, "
        .. "with all three still asked at once (under 350 ms of simulated time).",
    kind = "fix",
    view = "loop", -- the view the program opens on
    difficulty = 2,
    competencies = { "async-services" },
    hints = {
        "The weather service takes 300 ms: when is the news line, ready after 100 ms, printed?",
        "gather() returns when the last awaitable is done, its results in the order of its "
            .. "arguments: see ch05#event-loop for what the loop runs meanwhile.",
        "Loop over asyncio.as_completed(coros) and print each `await`ed result in the loop "
            .. "body; the requests still run at once.",
    },
    starter = [[
import asyncio

SERVICES = {"weather": 0.3, "news": 0.1, "stocks": 0.2}


async def ask(service, seconds):
    await asyncio.sleep(seconds)  # the service answers after this long
    return f"{service}: answered in {seconds} s"


async def main():
    requests = [ask(name, seconds) for name, seconds in SERVICES.items()]
    answers = await asyncio.gather(*requests)
    for line in answers:
        print(line)


asyncio.run(main())
]],
    solution = [[
import asyncio

SERVICES = {"weather": 0.3, "news": 0.1, "stocks": 0.2}


async def ask(service, seconds):
    await asyncio.sleep(seconds)  # the service answers after this long
    return f"{service}: answered in {seconds} s"


async def main():
    requests = [ask(name, seconds) for name, seconds in SERVICES.items()]
    for next_answer in asyncio.as_completed(requests):
        print(await next_answer)


asyncio.run(main())
]],
    check = function(run)
        if run.exit ~= 0 then
            return false, "the program stopped with an error: " .. (run.error or "?")
        end
        local want = { "news: answered in 0.1 s", "stocks: answered in 0.2 s",
            "weather: answered in 0.3 s" }
        for i, line in ipairs(want) do
            if run.stdout[i] ~= line then
                return false, "line " .. i .. " should be '" .. line .. "', the quickest answer first"
            end
        end
        if #run.stdout ~= #want then
            return false, "print the three lines only"
        end
        local ms = run.threads().ms
        if ms >= 350 then
            return false, string.format("%.0f ms of simulated time: ask the three services at "
                .. "once, not one after the other", ms)
        end
        return true, string.format("%.0f ms for three requests asked at once, each line printed "
            .. "as its answer came", ms)
    end,
}
