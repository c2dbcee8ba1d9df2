-- Predict, then observe: what a burst of abandoned requests costs the ones that stay.
-- The lab does not model clients leaving.  For the def handler that changes nothing: a
-- Python thread cannot be cancelled, so each call holds its thread to the end whether
-- its client waits or not (lessons/05 cancellation-and-disconnects).  For the async
-- handler the figure asked about does not depend on it either: a task waiting on its
-- upstream holds no thread, cancelled later or not.

local function run_at(run, line)
    for _, r in ipairs(run.runs) do
        if r.line == line then
            return r
        end
    end
    error("no run on line " .. line)
end

local function band(ms)
    if ms < 50 then
        return "a few ms"
    elseif ms < 5000 then
        return "about 2 s"
    end
    return "about 10 s"
end

return {
    id = "abandoned-still-running",
    title = "Abandoned, still running",
    goal = "Predict how long 200 abandoned requests keep the thread pool busy, and what an "
        .. "awaiting handler changes for the requests that come after them.",
    kind = "predict",
    model = "loop",
    difficulty = 3,
    competencies = { "async-services" },
    hints = {
        "When the client of a def handler goes away, what stops the call running in its thread?",
        "Nothing cancels a Python thread; an async handler that awaits its upstream holds no "
            .. "thread while it waits: see ch05#cancellation-and-disconnects.",
        "200 calls of 2 s on 40 threads run in five waves: the pool is busy for about 10 s.",
    },
    solution = "As def handlers, the 200 abandoned calls still run, 40 at a time, for 2 s each: "
        .. "five waves, about 10 s, during which /status waits for a thread (p95 about 10 s). "
        .. "As an async handler that awaits its upstream, the 200 calls wait on the loop "
        .. "without holding a thread, and /status answers in a few ms.",
    program = [[
# 200 clients call /report at once; each gives up after 100 ms.
# /report calls a slow upstream that takes 2 s. /status is a quick def handler.
threadpool 40
route /report def cpu=1ms blocking=2s    # a synchronous SDK call in a def handler
route /status def cpu=1ms
load /report burst=200
load /status every=100ms for=12s
run
route /report async cpu=1ms io=2s        # the same call, awaited in an async def
load /report burst=200
load /status every=100ms for=12s
run
]],
    steps = {
        {
            at = 8,
            ask = "All 200 /report clients have gone after 100 ms. What is /status' p95 "
                .. "latency over the next 12 s?",
            choices = { "a few ms", "about 2 s", "about 10 s" },
            answer = 3,
            explain = "Nothing cancels the calls: each keeps its thread for its 2 s, 40 at a "
                .. "time, so the pool stays full for five waves, about 10 s, and /status "
                .. "queues behind calls nobody is waiting for (ch05#cancellation-and-disconnects).",
            model = function(run)
                return band(run_at(run, 8).routes["/status"].p95)
            end,
        },
        {
            at = 12,
            ask = "/report now awaits its upstream in an async def. /status' p95?",
            choices = { "a few ms", "about 2 s", "about 10 s" },
            answer = 1,
            explain = "An awaiting task is a coroutine parked on the loop, not a thread: the "
                .. "pool stays free for /status. The 200 tasks still hold their memory until "
                .. "they finish or are cancelled (ch05#cancellation-and-disconnects).",
            model = function(run)
                return band(run_at(run, 12).routes["/status"].p95)
            end,
        },
    },
}
