/*
 * evloop_params: the event-loop model's costs, their defaults and where each
 * default comes from, plus the names of states.
 *
 * One table drives the defaults, the setter and the provenance a screen
 * shows.  A row flagged `estimate` is a cost we reasoned out, not one read in
 * a source or measured; the screen says "estimate" next to it.  Source tags
 * as in sched_params.c: [SRC] source code, [DOC] documentation, [RUN] oracle.
 */
#include "lab/loop/evloop.h"

#include <string.h>

const char evloop_pool_source[] =
    "AnyIO's default thread limiter is CapacityLimiter(40): "
    "current_default_thread_limiter() in anyio/_backends/_asyncio.py [SRC]; "
    "Starlette docs, Thread Pool: \"The default thread pool size is only 40 tokens\" "
    "(starlette.io/threadpool) [DOC]; Starlette runs def endpoints through "
    "anyio.to_thread.run_sync (starlette/concurrency.py) [SRC]";

#define P(field) offsetof(EvloopParams, field)

static const EvloopParamInfo param_table[] = {
    {"request_overhead", P(request_overhead_us), 100, 0, 1000000, true,
     "estimate, not measured: the ASGI server, routing, validation and a small JSON "
     "answer are Python on the loop, on the order of 0.1 ms a request"},
    {"resume", P(resume_us), 20, 0, 1000000, true,
     "estimate: resuming a task after its await and writing the answer, tens of us"},
    {"token_cpu", P(token_cpu_us), 20, 0, 1000000, true,
     "estimate: one streamed chunk, serialized and written by the loop, tens of us"},
    {"thread_handoff", P(thread_handoff_us), 50, 0, 1000000, true,
     "estimate: a worker thread's result posted back to the loop "
     "(call_soon_threadsafe wakes the selector); same order as a GIL wake-up"},
    {"switch_interval", P(switch_interval_us), 5000, 50, 1000000, false,
     "sys.getswitchinterval() = 0.005 s: DEFAULT_INTERVAL in Python/ceval_gil.c [SRC] "
     "(as in sched_params.c); at least 50 us here, so a run stays cheap to simulate"},
    {"gil_wakeup", P(gil_wakeup_us), 50, 0, 100000, true,
     "condition-variable wake-up of the signalled waiter; the GIL lab's fitted "
     "estimate (sched_params.c gil_wakeup_us)"},
};

#undef P

const EvloopParamInfo *evloop_param_table(size_t *n)
{
    *n = sizeof param_table / sizeof param_table[0];
    return param_table;
}

static int32_t *field(EvloopParams *p, const EvloopParamInfo *info)
{
    return (int32_t *)(void *)((char *)p + info->offset);
}

int32_t evloop_param_get(const EvloopParams *p, const EvloopParamInfo *info)
{
    return *(const int32_t *)(const void *)((const char *)p + info->offset);
}

void evloop_params_default(EvloopParams *p)
{
    memset(p, 0, sizeof *p);
    size_t n;
    const EvloopParamInfo *t = evloop_param_table(&n);
    for (size_t i = 0; i < n; i++)
        *field(p, &t[i]) = t[i].def;
}

const EvloopParamInfo *evloop_param_find(const char *name)
{
    size_t n, len = strlen(name);
    if (len > 3 && strcmp(name + len - 3, "_us") == 0)
        len -= 3;
    const EvloopParamInfo *t = evloop_param_table(&n);
    for (size_t i = 0; i < n; i++)
        if (strlen(t[i].name) == len && strncmp(t[i].name, name, len) == 0)
            return &t[i];
    return NULL;
}

bool evloop_param_set(EvloopParams *p, const char *name, int64_t us)
{
    const EvloopParamInfo *info = evloop_param_find(name);
    if (!info || us < info->min || us > info->max)
        return false;
    *field(p, info) = (int32_t)us;
    return true;
}

void evloop_config_init(EvloopConfig *c)
{
    memset(c, 0, sizeof *c);
    c->pool_size = EVLOOP_DEFAULT_POOL;
    c->seed = 1;
    evloop_params_default(&c->params);
}

const char *evloop_state_name(EvloopState s)
{
    static const char *const names[EVS_NSTATES] = {"idle", "run", "blocked", "gil-wait"};
    return (unsigned)s < EVS_NSTATES ? names[s] : "?";
}

int64_t evloop_percentile(const int64_t *sorted, size_t n, int p)
{
    if (n == 0)
        return 0;
    /* nearest rank: the smallest value with at least p% of values <= it */
    size_t rank = ((size_t)p * n + 99) / 100;
    if (rank < 1)
        rank = 1;
    if (rank > n)
        rank = n;
    return sorted[rank - 1];
}
