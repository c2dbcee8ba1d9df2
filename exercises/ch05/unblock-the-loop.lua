-- Fix it: an async def handler calls a synchronous HTTP client and every
-- request on the server pays for it. The learner edits the lab program.

return {
    id = "unblock-the-loop",
    title = "Unblock the event loop",
    goal = "Keep /report and its 300 ms upstream call, and bring /chat's p99 under 250 ms.",
    kind = "fix",
    model = "loop",
    difficulty = 2,
    competencies = { "async-services" },
    hints = {
        "Run it and open the timeline: what is the loop doing while /report waits for its "
            .. "upstream? Compare /chat's p50 and p99.",
        "A blocking call inside async def holds the loop; a def handler runs in the thread "
            .. "pool, and an awaited call gives the loop back: see ch05#def-or-async-def "
            .. "(and ch05#blocking-the-loop).",
        "Either declare the handler `def` (route /report def cpu=1ms blocking=300ms), or await "
            .. "an async client instead (route /report async cpu=1ms io=300ms).",
    },
    starter = [[
# /report calls a synchronous client (requests.get, 300 ms) inside async def.
# Make /chat's p99 stay under 250 ms without dropping /report or its 300 ms call,
# and keep the load lines as they are.
route /chat async cpu=1ms io=200ms
route /report async cpu=1ms blocking=300ms
load /chat rate=100/s for=10s
load /report every=1s for=10s
run
]],
    solution = [[
# /report calls a synchronous client (requests.get, 300 ms) inside async def.
# Make /chat's p99 stay under 250 ms without dropping /report or its 300 ms call,
# and keep the load lines as they are.
route /chat async cpu=1ms io=200ms
route /report def cpu=1ms blocking=300ms   # plain def: Starlette runs it in the thread pool
load /chat rate=100/s for=10s
load /report every=1s for=10s
run
]],
    check = function(run)
        local r = run.last
        if not r then
            return false, "nothing ran: keep the load lines and the `run` line"
        end
        local chat, report = r.routes["/chat"], r.routes["/report"]
        local same = #r.loads == 2
        for _, ld in ipairs(r.loads) do -- both from the start, side by side, as written
            same = same and ld.at == 0
            if ld.path == "/chat" then
                same = same and ld.kind == "rate" and ld.rate == 100 and ld["for"] == 10000
            else
                same = same and ld.kind == "every" and ld.every == 1000 and ld["for"] == 10000
            end
        end
        if not chat or not report or chat.requests < 800 or report.requests ~= 10
            or not same then
            return false, "keep both load lines as they were (/chat 100/s, /report every 1s, "
                .. "both for the same 10 s)"
        end
        local def = run.routes["/report"]
        if def.blocking + def.io < 300 or def.cpu > 1 then
            return false, "/report still has to wait 300 ms for its upstream"
        end
        local c = run.routes["/chat"]
        if c.cpu ~= 1 or c.io ~= 200 or c.blocking ~= 0 then
            return false, "leave /chat as it is: the fix is in /report"
        end
        if chat.p99 >= 250 then
            return false, string.format("/chat p99 is %.0f ms: the loop is blocked %.0f ms "
                .. "of the run", chat.p99, r.loop.blocked)
        end
        return true, string.format("/chat p99 %.0f ms; the loop was blocked %.0f ms",
            chat.p99, r.loop.blocked)
    end,
}
