/*
 * lab_loop_lua: the event-loop lab's fields in the `run` table (documented
 * in docs/EXERCISES.md, section 8, "The event-loop lab").  Plain data, times
 * in milliseconds as Lua numbers:
 *
 *   run.threadpool            the pool's tokens as the program set them
 *   run.routes[path]          { kind = "async"|"def", cpu, io, blocking, tokens, every }
 *   run.runs[i]               one table a finished `run` line (below)
 *   run.last                  run.runs[#run.runs], or nil before the first run
 *
 * A run: line, requests, done, offered (req/s), throughput (req/s),
 * duration (ms to the last answer), max_queue, max_loop_queue,
 * max_pool_queue, threads_used, threadpool, truncated, loop = { running,
 * blocked, gil_wait, idle } (ms), and routes[path] = { kind, requests, done,
 * p50, p95, p99, max, mean, ttft_p50, ttft_p99 } for each route that had load.
 */
#include "script/labs.h"

#include "lab/loop/evloop_lab.h"

static void set_ms(lua_State *L, const char *k, int64_t us)
{
    labs_set_num(L, k, (double)us / 1000.0);
}

static void push_route_stats(lua_State *L, const EvloopRoute *rt, const EvloopRouteStats *s)
{
    lua_createtable(L, 0, 10);
    labs_set_str(L, "kind", rt->sync ? "def" : "async");
    labs_set_int(L, "requests", s->arrived);
    labs_set_int(L, "done", s->done);
    set_ms(L, "p50", s->p50_us);
    set_ms(L, "p95", s->p95_us);
    set_ms(L, "p99", s->p99_us);
    set_ms(L, "max", s->max_us);
    labs_set_num(L, "mean", s->mean_us / 1000.0);
    set_ms(L, "ttft_p50", s->ttft_p50_us);
    set_ms(L, "ttft_p99", s->ttft_p99_us);
}

static void push_run(lua_State *L, const LoopRunResult *r)
{
    const EvloopTotals *t = &r->tot;
    lua_createtable(L, 0, 16);
    labs_set_int(L, "line", r->line);
    labs_set_int(L, "requests", t->arrived);
    labs_set_int(L, "done", t->done);
    labs_set_num(L, "offered", t->offered);
    labs_set_num(L, "throughput", t->throughput);
    set_ms(L, "duration", t->now_us);
    labs_set_int(L, "max_queue", t->max_queue);
    labs_set_int(L, "max_loop_queue", t->max_loop_queue);
    labs_set_int(L, "max_pool_queue", t->max_pool_queue);
    labs_set_int(L, "threads_used", t->peak_threads);
    labs_set_int(L, "threadpool", r->pool);
    lua_pushboolean(L, t->truncated);
    lua_setfield(L, -2, "truncated");
    lua_createtable(L, 0, 4);
    set_ms(L, "running", t->loop_us[EVS_RUN]);
    set_ms(L, "blocked", t->loop_us[EVS_BLOCKED]);
    set_ms(L, "gil_wait", t->loop_us[EVS_GIL_WAIT]);
    set_ms(L, "idle", t->loop_us[EVS_IDLE]);
    lua_setfield(L, -2, "loop");
    lua_createtable(L, 0, (int)r->nroutes);
    for (size_t i = 0; i < r->nroutes; i++) {
        if (!r->loaded[i])
            continue;
        push_route_stats(L, &r->routes[i], &r->stats[i]);
        lua_setfield(L, -2, r->routes[i].path);
    }
    lua_setfield(L, -2, "routes");
    /* loads: the load lines this run played, so a check can tell Poisson from even */
    static const char *const kinds[] = {"rate", "every", "burst", "users"};
    lua_createtable(L, (int)r->nloads, 0);
    for (size_t i = 0; i < r->nloads; i++) {
        const EvloopLoad *ld = &r->loads[i];
        lua_createtable(L, 0, 6);
        labs_set_str(L, "path", r->routes[ld->route].path);
        labs_set_str(L, "kind", kinds[ld->kind]);
        labs_set_num(L, "rate", ld->rate);
        set_ms(L, "every", ld->every_us);
        labs_set_int(L, "count", ld->count);
        set_ms(L, "for", ld->for_us);
        set_ms(L, "at", ld->start_us);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    lua_setfield(L, -2, "loads");
}

static void fill_run(lua_State *L, const Lab *lab)
{
    labs_set_int(L, "threadpool", loop_lab_pool(lab));
    size_t nr;
    const EvloopRoute *rt = loop_lab_routes(lab, &nr);
    lua_createtable(L, 0, (int)nr);
    for (size_t i = 0; i < nr; i++) {
        lua_createtable(L, 0, 6);
        labs_set_str(L, "kind", rt[i].sync ? "def" : "async");
        set_ms(L, "cpu", rt[i].cpu_us);
        set_ms(L, "io", rt[i].io_us);
        set_ms(L, "blocking", rt[i].blocking_us);
        labs_set_int(L, "tokens", rt[i].tokens);
        set_ms(L, "every", rt[i].every_us);
        lua_setfield(L, -2, rt[i].path);
    }
    lua_setfield(L, -2, "routes");
    size_t n;
    const LoopRunResult *runs = loop_lab_runs(lab, &n);
    lua_createtable(L, (int)n, 0);
    for (size_t i = 0; i < n; i++) {
        push_run(L, &runs[i]);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    if (n > 0) {
        lua_rawgeti(L, -1, (lua_Integer)n);
        lua_setfield(L, -3, "last"); /* run.last: the same table as runs[n] */
    }
    lua_setfield(L, -2, "runs");
}

const LabBinding lab_loop_binding = {
    .name = "loop",
    .fill_run = fill_run,
    .open_lib = NULL,
};
