-- Predict, then watch: one async route under three levels of load. The median
-- hardly moves; the tail waits for the loop once it is busy most of the time.
-- Figures come from the event-loop lab (seeded Poisson arrivals; the report
-- lists its estimated costs).

local function run_at(run, line)
    for _, r in ipairs(run.runs) do
        if r.line == line then
            return r
        end
    end
    error("no run on line " .. line)
end

local function p99(run, line)
    return run_at(run, line).routes["/chat"].p99
end

return {
    id = "p99-as-load-rises",
    title = "p99 latency as load rises",
    goal = "Predict the p99 latency of one async route at 20%, 60% and 92% of the loop's capacity.",
    kind = "predict",
    model = "loop",
    difficulty = 3,
    competencies = { "async-services" },
    hints = {
        "Every request spends 4 ms of Python on the loop. How busy is the loop at 50, 150 and "
            .. "230 requests a second, and what happens to a request that arrives while it is busy?",
        "Waiting grows with utilization, slowly at first and steeply near capacity: see "
            .. "ch05#latency-under-load (M/M/1: service time divided by one minus utilization).",
        "At 50/s the loop is busy 20% of the time: p99 stays near the handler's own 104 ms. "
            .. "At 230/s it is busy 92% of the time (4 ms x 230) and queues form.",
    },
    solution = "About 110 ms at 50/s and about 130 ms at 150/s: the loop is often free when a "
        .. "request arrives, so the tail is barely above the handler's own 104 ms. At 230/s the "
        .. "loop is busy about 92% of the time; bursts of arrivals queue behind each other and the p99 "
        .. "climbs to several hundred milliseconds while the median is still near 160 ms.",
    program = [[
# One async route: 4 ms of Python on the loop, then it awaits a 100 ms upstream call.
# The loop can run at most about 240 of these a second (4.1 ms each).
route /chat async cpu=4ms io=100ms
load /chat rate=50/s for=20s
run
load /chat rate=150/s for=20s
run
load /chat rate=230/s for=20s
run
]],
    steps = {
        {
            at = 5,
            ask = "At 50 requests a second (the loop busy about 20% of the time), /chat's p99?",
            choices = { "about 110 ms: barely above the handler's own 104 ms", "about 200 ms",
                "over 400 ms" },
            answer = 1,
            explain = "Most requests find the loop free; the unlucky ones wait a few ms behind "
                .. "another request's 4 ms of Python (ch05#latency-under-load).",
            model = function(run)
                local v = p99(run, 5)
                if v < 150 then return 1 elseif v < 300 then return 2 end
                return 3
            end,
        },
        {
            at = 7,
            ask = "At 150 requests a second (the loop busy about 60% of the time)?",
            choices = { "still under 150 ms", "about 300 ms", "over 1 s" },
            answer = 1,
            explain = "At 60% the queue is short: the p99 grows by a few 4 ms turns, to about "
                .. "130 ms. Throughput keeps up with the offered load.",
            model = function(run)
                local v = p99(run, 7)
                if v < 150 then return 1 elseif v < 600 then return 2 end
                return 3
            end,
        },
        {
            at = 9,
            ask = "At 230 requests a second (the loop busy about 92% of the time)?",
            choices = { "under 150 ms, like before", "between 150 ms and 1 s", "over 1 s" },
            answer = 2,
            explain = "Near capacity waiting grows steeply: the p99 jumps to hundreds of "
                .. "milliseconds, several times the 60% figure, while the load rose by half. "
                .. "The queue view shows the bursts (ch05#latency-under-load).",
            model = function(run)
                local v = p99(run, 9)
                if v < 150 then return 1 elseif v < 1000 then return 2 end
                return 3
            end,
        },
    },
}
