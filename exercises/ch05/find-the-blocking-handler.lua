-- Predict, then watch: a health check turns slow on a server with three other
-- routes. Which one holds the event loop? The later runs in the program take
-- each suspect away in turn, so the answer is measured, not assumed.
-- Figures come from the event-loop lab (sim/evloop.h); its estimated costs are
-- listed at the end of the first run's report.

local function run_at(run, line)
    for _, r in ipairs(run.runs) do
        if r.line == line then
            return r
        end
    end
    error("no run on line " .. line)
end

return {
    id = "find-the-blocking-handler",
    title = "Who blocks the loop?",
    goal = "Find the route that makes a 0.2 ms health check take tens of milliseconds.",
    kind = "predict",
    model = "loop",
    difficulty = 2,
    competencies = { "async-services" },
    hints = {
        "A request that awaits gives the loop back; what does a call that does not await do "
            .. "to every other request on the loop?",
        "Only code between two awaits holds the loop, however long it takes: see "
            .. "ch05#blocking-the-loop (and ch05#def-or-async-def for where def handlers run).",
        "The slowest route is not the culprit by itself: /chat waits 300 ms but awaits it. "
            .. "Look for the async def that calls a synchronous client.",
    },
    solution = "/report: its async def calls requests.get, which blocks the loop's only thread "
        .. "for 80 ms, and every /health request that arrives meanwhile waits for it. Without "
        .. "/report the health check's p99 falls from about 80 ms to about 20 ms. /chat waits "
        .. "longer but awaits, so the loop serves others meanwhile; /embed runs in the thread "
        .. "pool, and its Python only costs the loop turns at the GIL (the 20 ms left).",
    program = [[
# /health must answer in a few ms. Three other routes share its server.
route /health async cpu=200us
route /chat async cpu=1ms io=300ms           # await client.post(...) to the LLM API
route /embed def cpu=30ms                    # plain def: runs in the thread pool
route /report async cpu=1ms blocking=80ms    # async def that calls requests.get(...)
load /health rate=20/s for=20s
load /chat rate=50/s for=20s
load /embed rate=5/s for=20s
load /report rate=2/s for=20s
run
# the same traffic without /chat ...
load /health rate=20/s for=20s
load /embed rate=5/s for=20s
load /report rate=2/s for=20s
run
# ... without /embed ...
load /health rate=20/s for=20s
load /chat rate=50/s for=20s
load /report rate=2/s for=20s
run
# ... and without /report
load /health rate=20/s for=20s
load /chat rate=50/s for=20s
load /embed rate=5/s for=20s
run
]],
    steps = {
        {
            at = 10,
            ask = "All four routes run together. /health needs 0.2 ms of Python, yet its p99 "
                .. "comes out near 80 ms. Which route is mostly to blame? (The next runs "
                .. "remove each suspect in turn.)",
            choices = { "/chat: it takes the longest (300 ms)", "/embed: 30 ms of CPU each",
                "/report: requests.get inside async def" },
            answer = 3,
            explain = "Removing /report brings /health's p99 down to about 20 ms; removing "
                .. "/chat or /embed barely moves it. A synchronous call inside async def holds "
                .. "the loop's only thread (ch05#blocking-the-loop). /embed's Python still "
                .. "competes for the GIL with the loop (ch05#cpu-work), which is the 20 ms left.",
            model = function(run)
                local p99 = function(line) return run_at(run, line).routes["/health"].p99 end
                local without = { p99(15), p99(20), p99(25) } -- without /chat, /embed, /report
                local best = 1
                for i = 2, 3 do
                    if without[i] < without[best] then best = i end
                end
                return best
            end,
        },
    },
}
