-- A playground for chapter 5's event-loop lab: change a line, run it, watch
-- the loop's timeline, the queue, the percentiles and the load curve.
return {
    id = "loop-sandbox",
    title = "Event-loop playground",
    goal = "Try async and def handlers, blocking calls, CPU work, streams, pool sizes and loads.",
    kind = "sandbox",
    model = "loop",
    difficulty = 1,
    competencies = { "async-services" },
    program = [[
# Directives, one a line (durations need a unit: 300us, 20ms, 1.5s):
#   route PATH async|def [cpu=D] [io=D] [blocking=D] [stream tokens=N every=D]
#   threadpool N      param NAME=D (request_overhead resume token_cpu thread_handoff
#                                   switch_interval gil_wakeup)
#   load PATH rate=R/s|every=D|burst=N|users=N [think=D] for=D [at=D]     run
route /chat async cpu=1ms io=200ms
route /stream async stream tokens=40 every=25ms
route /embed def cpu=20ms
route /report async blocking=150ms
load /chat rate=100/s for=10s
load /stream rate=5/s for=10s
load /embed rate=10/s for=10s
run
load /chat rate=100/s for=10s
load /stream rate=5/s for=10s
load /embed rate=10/s for=10s
load /report every=2s for=10s
run
]],
}
