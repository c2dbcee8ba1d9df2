-- Predict, then watch: a streamed LLM answer on an event loop, alone and next to
-- a route that blocks the loop. Figures come from the event-loop lab (seeded
-- Poisson arrivals; the report lists its estimated costs).

local function run_at(run, line)
    for _, r in ipairs(run.runs) do
        if r.line == line then
            return r
        end
    end
    error("no run on line " .. line)
end

return {
    id = "first-token-and-the-tail",
    title = "Streaming tokens next to a blocking route",
    goal = "Predict a stream's time to first token and total time, alone and beside a handler that blocks the loop.",
    kind = "predict",
    model = "loop",
    difficulty = 2,
    competencies = { "async-services", "ai-era-practice" },
    hints = {
        "Between two tokens the handler awaits; each token is a short turn on the loop. What "
            .. "happens to those turns while another handler holds the loop?",
        "A stream holds its connection to the end, and every chunk needs the loop: see "
            .. "ch05#streaming (and ch05#blocking-the-loop).",
        "Alone: the first token after about 25 ms, the last after about 1 s. With a 200 ms "
            .. "block twice a second, each open stream stalls for the blocks it overlaps.",
    },
    solution = "Alone, the first token arrives after about 26 ms and the stream ends after "
        .. "about 1.0 s: 40 awaited gaps of 25 ms. Next to /report, whose async def sleeps "
        .. "200 ms twice a second, every stream open during a block waits for it before its "
        .. "next chunk, so the median stream takes about 1.6 s and the slowest first tokens "
        .. "about 0.2 s.",
    program = [[
# An LLM endpoint streams 40 tokens, one every 25 ms (1 s in all).
route /generate async cpu=1ms stream tokens=40 every=25ms
load /generate rate=20/s for=10s
run
# The same, next to a report route whose async def calls time.sleep(0.2)
route /report async cpu=1ms blocking=200ms
load /generate rate=20/s for=10s
load /report every=500ms for=10s
run
]],
    steps = {
        {
            at = 4,
            ask = "Alone on the server: when does a client see its first token, and when the "
                .. "last (medians)?",
            choices = { "first after about 25 ms, last after about 1 s",
                "both after about 1 s: the answer goes out when it is complete",
                "first after about 1 s, last after about 2 s" },
            answer = 1,
            explain = "A streaming response sends each chunk as it is produced, so the time to "
                .. "first token is one gap plus a little Python, while the whole answer still "
                .. "takes 40 gaps (ch05#streaming).",
            model = function(run)
                local g = run_at(run, 4).routes["/generate"]
                if g.ttft_p50 < 100 and g.p50 < 1200 then return 1 end
                if g.ttft_p50 > 900 and g.ttft_p50 < 1200 then return 2 end
                return 3
            end,
        },
        {
            at = 9,
            ask = "Now /report blocks the loop for 200 ms twice a second. The median stream's "
                .. "total time?",
            choices = { "still about 1.0 s: the stream awaits between tokens",
                "about 1.4 to 1.8 s: open streams stall during every block",
                "over 5 s" },
            answer = 2,
            explain = "Awaiting does not help while the loop is held: each chunk that comes due "
                .. "during a block waits for it. A stream lasting a second overlaps a block or "
                .. "two, and the slowest first tokens wait a whole block (ch05#blocking-the-loop).",
            model = function(run)
                local p50 = run_at(run, 9).routes["/generate"].p50
                if p50 < 1200 then return 1 elseif p50 < 3000 then return 2 end
                return 3
            end,
        },
    },
}
