/*
 * lab_gil_lua: what chapter 3's exercises read, and the `gil` library.
 *
 *   run.runs     every `run` and sweep point so far, in order: {line, regime,
 *                threads, cores, workload, sweep, seconds, tasks, throughput,
 *                speedup, utilization, handoffs, drop_requests, rc_shared,
 *                rc_contended, lock_waits, startup_ms, pickled_bytes,
 *                share = {run=, gil_wait=, io=, ...: fractions of worker time}}
 *   run.last     the last of them (nil before any)
 *   run.memory   the latest `memory` line: {workers, heap_mb, rows = {{name,
 *                mib, shared_pct (nil for threads)}, ...}}
 *
 *   gil.simulate{regime="free", threads=8, cores=8, workload="cpu" or
 *                task={{"cpu", 1000}, {"io", 2000}} (µs), seconds=1,
 *                repeat=0, seed=1}  -> one result table as in run.runs
 *
 * Scripts build workloads with gil.simulate; limits (256 workers, 10 s) keep
 * a script's call well under the sandbox's time budget.
 */
#include <string.h>

#include "script/labs.h"
#include "script/sandbox_lua.h"
#include "lab/gil/lab_gil.h"
#include "lab/gil/workload.h"

#define SIM_MAX_THREADS 256
#define SIM_MAX_SECONDS 10.0
#define SIM_MAX_SEGS 16
#define SIM_SLICE_US 1000 /* simulated time between two looks at the clock */

static void push_totals(lua_State *L, const SchedTotals *t)
{
    labs_set_num(L, "seconds", (double)t->wall_us / 1e6);
    labs_set_int(L, "tasks", t->tasks);
    labs_set_num(L, "throughput", t->throughput);
    labs_set_num(L, "speedup", t->speedup);
    labs_set_num(L, "utilization", t->utilization);
    labs_set_int(L, "handoffs", t->handoffs);
    labs_set_int(L, "drop_requests", t->drop_requests);
    labs_set_int(L, "rc_shared", t->rc_shared);
    labs_set_int(L, "rc_contended", t->rc_contended);
    labs_set_int(L, "lock_waits", t->lock_waits);
    labs_set_num(L, "startup_ms", (double)t->startup_us / 1000.0);
    labs_set_int(L, "pickled_bytes", t->pickled_bytes);
    int64_t all = 0;
    for (int l = 0; l < SCHED_LANE_NSTATES; l++)
        all += t->lane_us[l];
    lua_newtable(L);
    for (int l = 0; l < SCHED_LANE_NSTATES; l++) {
        char key[32];
        snprintf(key, sizeof key, "%s", sched_lane_name((SchedLane)l));
        for (char *c = key; *c; c++)
            if (*c == '-')
                *c = '_';
        labs_set_num(L, key, all ? (double)t->lane_us[l] / (double)all : 0.0);
    }
    lua_setfield(L, -2, "share");
}

static void push_result(lua_State *L, const LabGilResult *r)
{
    lua_newtable(L);
    labs_set_int(L, "line", r->line);
    lua_pushstring(L, sched_regime_name(r->regime));
    lua_setfield(L, -2, "regime");
    labs_set_int(L, "threads", r->threads);
    labs_set_int(L, "cores", r->cores);
    lua_pushstring(L, r->workload);
    lua_setfield(L, -2, "workload");
    lua_pushboolean(L, r->from_sweep);
    lua_setfield(L, -2, "sweep");
    push_totals(L, &r->totals);
}

static void gil_fill_run(lua_State *L, const Lab *lab)
{
    LabGilView v;
    lab_gil_view_of(lab->st, &v);
    lua_newtable(L);
    for (size_t i = 0; i < v.nresults; i++) {
        push_result(L, &v.results[i]);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    lua_setfield(L, -2, "runs");
    if (v.nresults) {
        push_result(L, &v.results[v.nresults - 1]);
        lua_setfield(L, -2, "last");
    }
    if (v.memory) {
        lua_newtable(L);
        labs_set_int(L, "workers", v.memory->workers);
        labs_set_int(L, "heap_mb", v.memory->heap_mb);
        lua_newtable(L);
        for (int i = 0; i < COW_NSCENARIOS; i++) {
            const CowScenario *row = &v.memory->rows[i];
            lua_newtable(L);
            lua_pushstring(L, row->name);
            lua_setfield(L, -2, "name");
            labs_set_num(L, "mib", (double)row->total_bytes / 1048576.0);
            if (row->shared_pct >= 0)
                labs_set_num(L, "shared_pct", row->shared_pct);
            lua_rawseti(L, -2, i + 1);
        }
        lua_setfield(L, -2, "rows");
        lua_setfield(L, -2, "memory");
    }
}

/* ---- gil.simulate ---------------------------------------------------------------- */

static lua_Integer opt_int(lua_State *L, const char *k, lua_Integer def, lua_Integer lo,
                           lua_Integer hi)
{
    lua_getfield(L, 1, k);
    lua_Integer v = def;
    if (!lua_isnil(L, -1)) {
        int ok;
        v = lua_tointegerx(L, -1, &ok);
        if (!ok || v < lo || v > hi)
            luaL_error(L, "gil.simulate: %s must be a whole number from %d to %d", k, (int)lo,
                       (int)hi);
    }
    lua_pop(L, 1);
    return v;
}

static bool seg_kind(const char *name, SchedSegKind *out)
{
    static const struct {
        const char *name;
        SchedSegKind kind;
    } kinds[] = {{"cpu", SCHED_SEG_CPU}, {"io", SCHED_SEG_IO}, {"native", SCHED_SEG_NATIVE},
                 {"lock", SCHED_SEG_LOCKED}, {"touch", SCHED_SEG_TOUCH}, {"send", SCHED_SEG_SEND}};
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (strcmp(kinds[i].name, name) == 0) {
            *out = kinds[i].kind;
            return true;
        }
    return false;
}

/* task = {{"cpu", 1000}, {"touch", 5000}, ...}: µs, or a count for touch/send.
 * lock and touch name the one shared object every worker uses. */
static size_t read_task(lua_State *L, SchedSeg *segs)
{
    size_t n = 0;
    lua_getfield(L, 1, "task");
    luaL_checktype(L, -1, LUA_TTABLE);
    lua_Integer len = luaL_len(L, -1);
    if (len < 1 || len > SIM_MAX_SEGS)
        luaL_error(L, "gil.simulate: task takes 1 to %d segments", SIM_MAX_SEGS);
    for (lua_Integer i = 1; i <= len; i++) {
        lua_rawgeti(L, -1, i);
        if (!lua_istable(L, -1))
            luaL_error(L, "gil.simulate: task[%d] must be {kind, amount}", (int)i);
        lua_rawgeti(L, -1, 1);
        lua_rawgeti(L, -2, 2);
        const char *kind = lua_tostring(L, -2);
        int ok;
        lua_Integer amount = lua_tointegerx(L, -1, &ok);
        SchedSegKind k = SCHED_SEG_CPU;
        if (!kind || !seg_kind(kind, &k))
            luaL_error(L, "gil.simulate: task[%d]: kind is cpu, io, native, lock, touch or send",
                       (int)i);
        if (!ok || amount < 1 || amount > 10000000)
            luaL_error(L, "gil.simulate: task[%d]: amount is a whole number, 1 to 10000000", (int)i);
        SchedSeg s = {(uint8_t)k, 0, 0, 0};
        if (k == SCHED_SEG_TOUCH || k == SCHED_SEG_SEND)
            s.count = (uint32_t)amount;
        else
            s.us = (uint32_t)amount;
        segs[n++] = s;
        lua_pop(L, 3);
    }
    lua_pop(L, 1);
    return n;
}

/* sched_run, a simulated millisecond at a time with the sandbox's clock read
 * between slices: one call with 256 workers on 1 µs segments would run for
 * seconds (issue 20).  Nothing raises while the Sched is held; a crossed
 * limit is raised after it is freed. */
static bool simulate_in_slices(lua_State *L, const SchedConfig *c, SchedTotals *t, char *err,
                               size_t errlen)
{
    Sched *s = sched_new(c, err, errlen);
    if (!s)
        return false;
    bool over = false;
    for (int64_t until = SIM_SLICE_US; !sched_advance(s, until); until += SIM_SLICE_US)
        if (sandbox_spend(L, 0) != SANDBOX_OK) {
            over = true;
            break;
        }
    if (!over)
        sched_totals(s, t);
    sched_free(s);
    if (!over)
        return true;
    sandbox_charge(L, 0); /* raises the limit crossed, unless one was already raised */
    snprintf(err, errlen, "stopped by the script's limits");
    return false;
}

static int l_simulate(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    SchedConfig c;
    sched_config_init(&c);
    SchedWorkload wl;
    SchedSeg segs[SIM_MAX_SEGS];
    lua_getfield(L, 1, "regime");
    const char *regime = lua_isnil(L, -1) ? "gil" : lua_tostring(L, -1);
    if (!regime || !sched_regime_parse(regime, &c.regime))
        return luaL_error(L, "gil.simulate: regime is gil, free or processes");
    lua_pop(L, 1);
    c.nthreads = (int)opt_int(L, "threads", 1, 1, SIM_MAX_THREADS);
    c.ncores = (int)opt_int(L, "cores", c.nthreads, 1, SIM_MAX_THREADS);
    c.seed = (uint64_t)opt_int(L, "seed", 1, 0, LUA_MAXINTEGER);
    lua_getfield(L, 1, "seconds");
    double secs = lua_isnil(L, -1) ? 1.0 : lua_tonumber(L, -1);
    if (!(secs > 0 && secs <= SIM_MAX_SECONDS))
        return luaL_error(L, "gil.simulate: seconds must be above 0 and at most %g",
                          SIM_MAX_SECONDS);
    lua_pop(L, 1);
    c.horizon_us = (int64_t)(secs * 1e6 + 0.5);
    if (c.horizon_us < 1)
        c.horizon_us = 1;
    lua_getfield(L, 1, "task");
    bool has_task = !lua_isnil(L, -1);
    lua_pop(L, 1);
    if (has_task) {
        size_t n = read_task(L, segs);
        wl = (SchedWorkload){"task", segs, n, 0, 10};
    } else {
        lua_getfield(L, 1, "workload");
        const char *name = lua_isnil(L, -1) ? "cpu" : lua_tostring(L, -1);
        if (!name || !workload_preset(name, &wl))
            return luaL_error(L, "gil.simulate: no workload preset '%s'", name ? name : "?");
        lua_pop(L, 1);
    }
    wl.repeat = (uint32_t)opt_int(L, "repeat", 0, 0, 1000000);
    c.workloads = &wl;
    c.nworkloads = 1;
    c.objects = workload_objects(&c.nobjects);
    c.log_from_us = c.horizon_us; /* no timeline: totals only */
    c.log_until_us = 0;
    SchedTotals t;
    char err[160];
    if (!simulate_in_slices(L, &c, &t, err, sizeof err))
        return luaL_error(L, "gil.simulate: %s", err);
    LabGilResult res = {.line = 0, .regime = c.regime, .threads = c.nthreads, .cores = c.ncores,
                        .totals = t, .from_sweep = false};
    snprintf(res.workload, sizeof res.workload, "%s", has_task ? "task" : wl.name);
    push_result(L, &res);
    return 1;
}

static void gil_open_lib(lua_State *L)
{
    lua_newtable(L);
    lua_pushcfunction(L, l_simulate);
    lua_setfield(L, -2, "simulate");
    lua_setglobal(L, "gil");
}

const LabBinding lab_gil_binding = {
    .name = "gil",
    .fill_run = gil_fill_run,
    .open_lib = gil_open_lib,
};
