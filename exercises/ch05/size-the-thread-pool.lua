-- Fix it: plain def handlers on a synchronous database driver, more of them
-- in flight than AnyIO's default 40 threads. Little's law gives the size.

return {
    id = "size-the-thread-pool",
    title = "Size the thread pool",
    goal = "Choose a thread pool (at most 200) that keeps /orders' p99 under 300 ms at 250 requests a second.",
    kind = "fix",
    model = "loop",
    difficulty = 3,
    competencies = { "async-services" },
    hints = {
        "Run it: look at the queue view and at 'max queue ... pool' in the report. Are the "
            .. "requests waiting for the loop or for a thread?",
        "A def handler holds a thread for its whole duration, waiting included; Little's law "
            .. "says how many are busy on average: arrival rate times time in the system. See "
            .. "ch05#sizing-the-pool.",
        "250 a second times 0.2 s is 50 threads busy on average; random arrivals need some "
            .. "room above that: try `threadpool 64`.",
    },
    starter = [[
# /orders is a plain def handler: its database driver is synchronous and each
# query holds a thread for 200 ms. 250 requests a second arrive.
# Size the pool so /orders' p99 stays under 300 ms, with at most 200 threads.
route /orders def cpu=200us blocking=200ms
threadpool 40
load /orders rate=250/s for=20s
run
]],
    solution = [[
# /orders is a plain def handler: its database driver is synchronous and each
# query holds a thread for 200 ms. 250 requests a second arrive.
# Size the pool so /orders' p99 stays under 300 ms, with at most 200 threads.
route /orders def cpu=200us blocking=200ms
threadpool 64   # Little's law: 250/s x 0.2 s = 50 busy on average, plus room for bursts
load /orders rate=250/s for=20s
run
]],
    check = function(run)
        local r = run.last
        if not r or not r.routes["/orders"] then
            return false, "nothing ran: keep the load line and the `run` line"
        end
        local o, def = r.routes["/orders"], run.routes["/orders"]
        if def.kind ~= "def" or def.blocking ~= 200 or def.cpu > 0.2 or def.io ~= 0 then
            return false, "keep /orders as it is (def, 200 ms on the driver): size the pool"
        end
        local ld = r.loads[1]
        if o.requests < 4500 or #r.loads ~= 1 or ld.kind ~= "rate" or ld.rate ~= 250
            or ld["for"] ~= 20000 then
            return false, "keep the load as it is: 250 requests a second for 20 s, arriving "
                .. "at random (rate=250/s), as real traffic does"
        end
        if r.threadpool > 200 then
            return false, string.format("%d threads: at most 200 (each costs memory and a "
                .. "database connection)", r.threadpool)
        end
        if o.p99 >= 300 then
            return false, string.format("/orders p99 is %.0f ms with %d threads; up to %d "
                .. "requests waited for one", o.p99, r.threadpool, r.max_pool_queue)
        end
        return true, string.format("/orders p99 %.0f ms with %d threads (%d busy at the peak)",
            o.p99, r.threadpool, r.threads_used)
    end,
}
