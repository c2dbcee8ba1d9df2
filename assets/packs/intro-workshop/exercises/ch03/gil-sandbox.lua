-- A playground for chapter 3's scheduler: change a line, run it, watch the lanes.
return {
    id = "gil-sandbox",
    title = "Scheduler playground",
    goal = "Try workloads, thread counts and builds, and watch who holds the GIL.",
    kind = "sandbox",
    model = "gil",
    difficulty = 1,
    competencies = { "concurrency-gil" },
    program = [[
# Directives, one a line (settings stay for later runs):
#   threads N   cores N   regime gil|free|processes   workload cpu|io|mixed|native|contended|locked
#   task cpu 1ms, io 2ms, native 1ms, lock OBJ 50us, touch OBJ 1000, send 64KB
#   object NAME [immortal] [deferred] [owner=N]   repeat N   time 1s   window 20ms
#   set switch_interval_us=1000   seed N   run   sweep 1,2,4,8   heap 1024MB   memory 72
threads 4
cores 4
workload mixed
run
set switch_interval_us=1000
run
regime free
sweep 1,2,4,8,16
]],
}
