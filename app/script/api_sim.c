/*
 * api_sim: a program run on the model and the `run` table of the sandbox
 * (see api_sim.h; the contract of every binding is docs/EXERCISES.md §8).
 *
 * Every binding validates its arguments first, computes in C (scratch
 * memory lives in the SimRun, never in a local), and only then pushes its
 * results, so a Lua error at any point leaks nothing.
 */
#include "script/api_sim.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "sim/brc.h"
#include "sim/gc.h"
#include "sim/vmsched.h"
#include "script/sandbox_lua.h"

#define SIMRUN_KEY "pydive.simrun"
#define RUN_TABLE "run"

/* {====== Running a program ====== */

static void capture(void *ctx, int stream, const char *text, size_t n)
{
    SimRun *r = ctx;
    if (stream == 2)
        buf_add_capped(&r->err, text, n, PY_CAPTURE_MAX, &r->err_cut);
    else
        buf_add_capped(&r->out, text, n, PY_CAPTURE_MAX, &r->out_cut);
}

static int count_lines(const char *s, size_t n)
{
    int lines = 0;
    for (size_t i = 0; i < n; i++)
        lines += s[i] == '\n';
    return lines + (n > 0 && s[n - 1] != '\n');
}

uint64_t simrun_arenas(const SimRun *r)
{
    return r->sim->pm.narenas_current;
}

static void note_line(SimRun *r)
{
    uint64_t now = simrun_arenas(r);
    if (now > r->arenas_peak)
        r->arenas_peak = now;
    if (r->line >= 1 && r->line <= r->nlines)
        r->arenas_at[r->line] = now;
}

bool simrun_start(SimRun *r, const char *src, size_t len, const char *filename,
                  const char *version, Buf *err)
{
    *r = (SimRun){0};
    r->prof = sim_profile_find(version ? version : SIMRUN_DEFAULT_VERSION);
    if (!r->prof) {
        buf_printf(err, "no model of Python %s (choose from %s)", version, sim_profile_names());
        return false;
    }
    r->src = xstrndup(src, len);
    r->len = len;
    r->nlines = count_lines(src, len);
    r->arenas_at = xmalloc(((size_t)r->nlines + 1) * sizeof *r->arenas_at);
    for (int i = 0; i <= r->nlines; i++)
        r->arenas_at[i] = UINT64_MAX;
    r->sim = sim_new(r->prof);
    r->py = py_new(r->sim, r->src, r->len, filename ? filename : "<exercise>", capture, r);
    py_set_step_limit(r->py, SIMRUN_STEP_LIMIT);
    r->line = py_current_line(r->py);
    simrun_heap_changed(r);
    r->arenas_start = simrun_arenas(r);
    note_line(r);
    return true;
}

void simrun_heap_changed(SimRun *r)
{
    r->garbage_known = false;
    r->ntypes = SIZE_MAX;
}

size_t simrun_heap_size(const SimRun *r)
{
    return r->sim ? r->sim->nobj : 0;
}

static void step(SimRun *r)
{
    if (r->finished)
        return;
    simrun_heap_changed(r);
    if (py_step(r->py) != PY_PAUSED) {
        r->finished = true;
        r->exit_code = py_exit_code(r->py);
        r->line = 0;
        return;
    }
    r->line = py_current_line(r->py);
    note_line(r);
}

bool simrun_run_to_line(SimRun *r, int line)
{
    while (!r->finished && r->line != line)
        step(r);
    return !r->finished && r->line == line;
}

void simrun_finish(SimRun *r)
{
    while (!r->finished)
        step(r);
}

void simrun_fini(SimRun *r)
{
    if (r->py)
        py_free(r->py);
    if (r->sim)
        sim_free(r->sim);
    free(r->src);
    free(r->arenas_at);
    free(r->scratch);
    free(r->names);
    free(r->counts);
    buf_fini(&r->out);
    buf_fini(&r->err);
    *r = (SimRun){0};
}

void simrun_error_line(const SimRun *r, Buf *out)
{
    buf_clear(out);
    const char *e = buf_str(&r->err);
    size_t n = r->err.len;
    while (n > 0 && e[n - 1] == '\n')
        n--;
    size_t start = n;
    while (start > 0 && e[start - 1] != '\n')
        start--;
    buf_add(out, e + start, n - start);
}

SimId simrun_global(const SimRun *r, const char *name)
{
    if (!r->py)
        return 0;
    SimId g = py_globals(r->py);
    return g ? sim_dict_get_str(r->sim, g, name) : 0;
}

/* }====== */

/* {====== Cyclic garbage, computed without touching the heap ====== */

size_t simrun_cyclic_garbage(SimRun *r)
{
    if (r->garbage_known)
        return r->garbage;
    Sim *s = r->sim;
    size_t need = 2 * s->nobj + 1;
    if (r->scratch_cap < need) {
        free(r->scratch);
        r->scratch = xmalloc(need * sizeof *r->scratch);
        r->scratch_cap = need;
    }
    r->garbage = gc_unreachable_now(s, r->scratch);
    r->garbage_known = true;
    return r->garbage;
}

/* After simrun_cyclic_garbage: the garbage counted by type name into
 * r->names/r->counts; returns how many names (remembered as the garbage). */
static size_t garbage_by_type(SimRun *r)
{
    if (r->ntypes != SIZE_MAX)
        return r->ntypes;
    Sim *s = r->sim;
    size_t n = 0;
    for (uint32_t g = GC_LIST_GEN0; g <= GC_LIST_GEN2; g++)
        for (uint32_t id = s->obj[g].gc_next; id != g; id = s->obj[id].gc_next) {
            if (r->scratch[id] & GC_SCRATCH_REACHED)
                continue;
            const char *name = sim_type_name(s, id);
            size_t k = 0;
            while (k < n && strcmp(r->names[k], name) != 0)
                k++;
            if (k == n) {
                if (n == r->names_cap) {
                    r->names_cap = r->names_cap ? 2 * r->names_cap : 8;
                    r->names = xrealloc(r->names, r->names_cap * sizeof *r->names);
                    r->counts = xrealloc(r->counts, r->names_cap * sizeof *r->counts);
                }
                r->names[n] = name;
                r->counts[n++] = 0;
            }
            r->counts[k]++;
        }
    r->ntypes = n;
    return n;
}

/* }====== */

/* {====== The bindings ====== */

static SimRun *current(lua_State *L)
{
    lua_getfield(L, LUA_REGISTRYINDEX, SIMRUN_KEY);
    SimRun *r = lua_touserdata(L, -1);
    lua_pop(L, 1);
    if (!r || !r->sim)
        luaL_error(L, "run: no program has run yet (the run table is read in check and model "
                      "functions)");
    return r;
}

/* Index of the first real argument: run:f(x) passes the table first. */
static int arg0(lua_State *L)
{
    return lua_type(L, 1) == LUA_TTABLE ? 2 : 1;
}

static const char *name_arg(lua_State *L, const char *fn)
{
    int i = arg0(L);
    if (lua_type(L, i) != LUA_TSTRING)
        luaL_error(L, "run.%s: expected a name (a string), got %s", fn, luaL_typename(L, i));
    return lua_tostring(L, i);
}

static void push_u64(lua_State *L, uint64_t v)
{
    lua_pushinteger(L, (lua_Integer)v);
}

static int l_arenas(lua_State *L)
{
    push_u64(L, simrun_arenas(current(L)));
    return 1;
}

static int l_arenas_at_start(lua_State *L)
{
    push_u64(L, current(L)->arenas_start);
    return 1;
}

static int l_arenas_at(lua_State *L)
{
    int i = arg0(L);
    lua_Integer line = luaL_checkinteger(L, i);
    SimRun *r = current(L);
    if (line < 1 || line > r->nlines || r->arenas_at[line] == UINT64_MAX)
        lua_pushnil(L);
    else
        push_u64(L, r->arenas_at[line]);
    return 1;
}

static int l_gc_count(lua_State *L)
{
    SimRun *r = current(L);
    for (int g = 0; g < 3; g++)
        lua_pushinteger(L, r->sim->gc.gen[g].count);
    return 3;
}

static int l_collections(lua_State *L)
{
    SimRun *r = current(L);
    for (int g = 0; g < 3; g++)
        push_u64(L, r->sim->gc.collections[g]);
    return 3;
}

static int l_collect(lua_State *L)
{
    SimRun *r = current(L);
    if (gc_phase(r->sim) != GC_IDLE)
        return luaL_error(L, "run.collect: a collection is already running");
    size_t work = simrun_heap_size(r);
    long n = gc_collect(r->sim, 2);
    simrun_heap_changed(r);
    sandbox_charge(L, work);
    lua_pushinteger(L, (lua_Integer)n);
    return 1;
}

/* a type's name as a script writes it: its __name__ ("ReferenceType") or its
 * full name ("weakref.ReferenceType") */
static bool type_named(const Sim *s, SimId id, const char *type)
{
    const char *full = sim_type_name(s, id), *dot = strrchr(full, '.');
    return strcmp(full, type) == 0 || (dot && strcmp(dot + 1, type) == 0);
}

static lua_Integer count_live(const Sim *s, const char *type)
{
    lua_Integer n = 0;
    for (uint32_t id = 1; id < s->nobj; id++) {
        SimKind k = sim_kind(s, id);
        if (k != SK_FREE && k != SK_SENTINEL && type_named(s, id, type))
            n++;
    }
    return n;
}

static int l_live(lua_State *L)
{
    const char *type = name_arg(L, "live");
    const Sim *s = current(L)->sim;
    lua_Integer n = count_live(s, type);
    sandbox_charge(L, s->nobj);
    lua_pushinteger(L, n);
    return 1;
}

static int l_arenas_peak(lua_State *L)
{
    push_u64(L, current(L)->arenas_peak);
    return 1;
}

/* Object visits run.peak_live may spend: a teaching program is far below. */
#define PEAK_LIVE_BUDGET 200000000ull

#define PEAK_LIVE_TYPES 8

static lua_Integer count_types(const Sim *s, const char *const *types, int n)
{
    lua_Integer total = 0;
    for (int i = 0; i < n; i++)
        total += count_live(s, types[i]);
    return total;
}

/* The most objects of the given types (one or more names) alive at once, at
 * any statement boundary: the program runs again from its start on a fresh
 * heap, counted at each stop. */
static int l_peak_live(lua_State *L)
{
    int first = arg0(L), top = lua_gettop(L);
    const char *types[PEAK_LIVE_TYPES];
    int n = 0;
    name_arg(L, "peak_live");
    for (int i = first; i <= top; i++) {
        if (lua_type(L, i) != LUA_TSTRING)
            return luaL_error(L, "run.peak_live: expected type names (strings), got %s",
                              luaL_typename(L, i));
        if (n == PEAK_LIVE_TYPES)
            return luaL_error(L, "run.peak_live: at most %d type names", PEAK_LIVE_TYPES);
        types[n++] = lua_tostring(L, i);
    }
    SimRun *r = current(L);
    SimRun again;
    Buf err = {0};
    bool started = simrun_start(&again, r->src, r->len, NULL, r->prof->name, &err);
    buf_fini(&err);
    if (!started)
        return luaL_error(L, "run.peak_live: the program cannot run again");
    lua_Integer most = count_types(again.sim, types, n);
    unsigned long long spent = again.sim->nobj;
    bool over = false; /* the sandbox's budget or clock ran out (nothing raises here) */
    while (!again.finished && spent < PEAK_LIVE_BUDGET && !over) {
        step(&again);
        lua_Integer now = count_types(again.sim, types, n);
        most = now > most ? now : most;
        uint64_t work = (uint64_t)again.sim->nobj * (unsigned)n;
        spent += work;
        over = sandbox_spend(L, work) != SANDBOX_OK;
    }
    bool done = again.finished;
    simrun_fini(&again);
    if (over)
        sandbox_charge(L, 0); /* raises the limit crossed, now that nothing is held */
    if (!done)
        return luaL_error(L, "run.peak_live: the program is too long to watch statement by "
                             "statement");
    lua_pushinteger(L, most);
    return 1;
}

/* The object bound to the global name at the argument; raises when absent. */
static SimId global_arg(lua_State *L, const char *fn, SimRun **out)
{
    const char *name = name_arg(L, fn);
    SimRun *r = current(L);
    SimId id = simrun_global(r, name);
    if (!id)
        luaL_error(L, "run.%s: the program has no global named '%s'", fn, name);
    *out = r;
    return id;
}

static int l_refcount(lua_State *L)
{
    SimRun *r;
    SimId id = global_arg(L, "refcount", &r);
    lua_pushinteger(L, (lua_Integer)sim_refcount(r->sim, id));
    return 1;
}

static int l_tracked(lua_State *L)
{
    SimRun *r;
    SimId id = global_arg(L, "tracked", &r);
    lua_pushboolean(L, sim_is_tracked(r->sim, id));
    return 1;
}

static int l_type(lua_State *L)
{
    SimRun *r;
    SimId id = global_arg(L, "type", &r);
    lua_pushstring(L, sim_type_name(r->sim, id));
    return 1;
}

static int l_value(lua_State *L)
{
    SimRun *r;
    SimId id = global_arg(L, "value", &r);
    const Sim *s = r->sim;
    const SimObj *o = sim_obj(s, id);
    size_t n;
    switch (sim_kind(s, id)) {
    case SK_NONE: lua_pushnil(L); break;
    case SK_BOOL: lua_pushboolean(L, id == s->true_); break;
    case SK_INT:
        if (o->sub) /* a big int: not representable */
            return luaL_error(L, "run.value: the int is too big for Lua");
        lua_pushinteger(L, (lua_Integer)o->v.i);
        break;
    case SK_FLOAT: lua_pushnumber(L, o->v.f); break;
    case SK_STR: {
        const char *t = sim_str_data(s, id, &n);
        lua_pushlstring(L, t, n);
        break;
    }
    default:
        return luaL_error(L, "run.value: a %s has no Lua value (use run.type or run.len)",
                          sim_type_name(s, id));
    }
    return 1;
}

static int l_len(lua_State *L)
{
    SimRun *r;
    SimId id = global_arg(L, "len", &r);
    switch (sim_kind(r->sim, id)) {
    case SK_STR: case SK_BYTES: case SK_BYTEARRAY: case SK_LIST: case SK_TUPLE: case SK_DICT:
    case SK_SET:
        lua_pushinteger(L, (lua_Integer)sim_obj(r->sim, id)->len);
        return 1;
    default:
        return luaL_error(L, "run.len: a %s has no len() here", sim_type_name(r->sim, id));
    }
}

static int l_global(lua_State *L)
{
    const char *name = name_arg(L, "global");
    lua_pushboolean(L, simrun_global(current(L), name) != 0);
    return 1;
}

/* The cyclic garbage, charged to the sandbox when it had to be computed
 * (four passes over the heap); a repeated question is free. */
static size_t garbage_charged(lua_State *L, SimRun *r)
{
    bool known = r->garbage_known;
    size_t total = simrun_cyclic_garbage(r);
    if (!known)
        sandbox_charge(L, 4 * (uint64_t)simrun_heap_size(r));
    return total;
}

static int l_has_cycle(lua_State *L)
{
    lua_pushboolean(L, garbage_charged(L, current(L)) > 0);
    return 1;
}

static int l_cycles(lua_State *L)
{
    SimRun *r = current(L);
    size_t total = garbage_charged(L, r);
    bool counted = r->ntypes != SIZE_MAX;
    size_t n = garbage_by_type(r);
    if (!counted)
        sandbox_charge(L, simrun_heap_size(r));
    lua_pushinteger(L, (lua_Integer)total);
    lua_createtable(L, 0, (int)n);
    for (size_t i = 0; i < n; i++) {
        lua_pushinteger(L, (lua_Integer)r->counts[i]);
        lua_setfield(L, -2, r->names[i]);
    }
    return 2;
}

/* The threads on the simulated clock: run.threads() -> {ms, handoffs, drops,
 * count, lanes = {{run, gil, blocked, sleep} per thread, in ms}, log =
 * {{thread, lane, t0, t1, forced} ...}} (the first 4096 records; lane names
 * as vs_lane_name's: "run", "gil-wait", "blocked", "sleep"; threads from 0). */
static void set_num(lua_State *L, const char *k, double v)
{
    lua_pushnumber(L, v);
    lua_setfield(L, -2, k);
}

static int l_threads(lua_State *L)
{
    const VmSched *v = py_vmsched(current(L)->py);
    size_t n = v->nlog < 4096 ? v->nlog : 4096;
    sandbox_charge(L, n + (size_t)v->nthr);
    const double ms = 1e9;
    lua_createtable(L, 0, 6);
    set_num(L, "ms", (double)v->now / ms);
    set_num(L, "handoffs", (double)v->handoffs);
    set_num(L, "drops", (double)v->forced_drops);
    set_num(L, "count", v->nthr);
    set_num(L, "cores", v->parallel ? v->ncores : 1); /* 3.13t: threads run at once on them */
    lua_createtable(L, v->nthr, 0);
    for (int t = 0; t < v->nthr; t++) {
        double tot[VS_LANE_NSTATES] = {0};
        for (size_t i = 0; i < v->nlog; i++)
            if (v->log[i].thread == t)
                tot[v->log[i].lane] += (double)(v->log[i].t1 - v->log[i].t0) / ms;
        if (v->thr[t].lane != VS_LANE_NONE && v->thr[t].lane != VS_LANE_DONE)
            tot[v->thr[t].lane] += (double)(v->now - v->thr[t].lane_since) / ms;
        lua_createtable(L, 0, 9);
        for (int l = VS_LANE_RUN; l <= VS_LANE_SLEEP; l++)
            set_num(L, l == VS_LANE_GIL ? "gil" : vs_lane_name((VsLane)l), tot[l]);
        SimBrcThread b = v->brc && t < v->brc->nthr ? v->brc->thr[t] : (SimBrcThread){0};
        set_num(L, "rc_own", (double)b.local); /* 3.13t's biased counts (sim/brc.h) */
        set_num(L, "rc_shared", (double)b.shared);
        set_num(L, "rc_contended", (double)b.contended);
        set_num(L, "rc_stall", (double)b.stall_ps / ms);
        lua_rawseti(L, -2, t + 1);
    }
    lua_setfield(L, -2, "lanes");
    lua_createtable(L, (int)n, 0);
    for (size_t i = 0; i < n; i++) {
        const VsLaneRec *r = &v->log[i];
        lua_createtable(L, 0, 5);
        set_num(L, "thread", r->thread);
        lua_pushstring(L, vs_lane_name((VsLane)r->lane));
        lua_setfield(L, -2, "lane");
        set_num(L, "t0", (double)r->t0 / ms);
        set_num(L, "t1", (double)r->t1 / ms);
        lua_pushboolean(L, r->forced);
        lua_setfield(L, -2, "forced");
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    lua_setfield(L, -2, "log");
    return 1;
}

static const luaL_Reg run_fns[] = {
    {"threads", l_threads},
    {"arenas", l_arenas},
    {"arenas_at_start", l_arenas_at_start},
    {"arenas_at", l_arenas_at},
    {"gc_count", l_gc_count},
    {"collections", l_collections},
    {"collect", l_collect},
    {"live", l_live},
    {"peak_live", l_peak_live},
    {"arenas_peak", l_arenas_peak},
    {"refcount", l_refcount},
    {"tracked", l_tracked},
    {"type", l_type},
    {"value", l_value},
    {"len", l_len},
    {"global", l_global},
    {"has_cycle", l_has_cycle},
    {"cycles", l_cycles},
    {NULL, NULL},
};

bool api_sim_register(Sandbox *sb, SandboxResult *res)
{
    return sandbox_register(sb, RUN_TABLE, run_fns, res);
}

static void set_lines(lua_State *L, const Buf *b)
{
    lua_newtable(L);
    const char *s = buf_str(b);
    size_t n = b->len, start = 0;
    lua_Integer k = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i == n || s[i] == '\n') {
            if (i > start || i < n) {
                lua_pushlstring(L, s + start, i - start);
                lua_rawseti(L, -2, ++k);
            }
            start = i + 1;
        }
    }
}

/* t[key] = value on top (popped), without metamethods. */
static void set_raw(lua_State *L, int t, const char *key)
{
    lua_pushstring(L, key);
    lua_insert(L, -2);
    lua_rawset(L, t);
}

static int bind_body(lua_State *L)
{
    SimRun *r = lua_touserdata(L, 1);
    lua_pushlightuserdata(L, r);
    lua_setfield(L, LUA_REGISTRYINDEX, SIMRUN_KEY);
    lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
    lua_pushstring(L, RUN_TABLE);
    if (lua_rawget(L, -2) != LUA_TTABLE)
        return 0;
    int t = lua_gettop(L);
    if (r) {
        set_lines(L, &r->out);
        set_raw(L, t, "stdout");
        set_lines(L, &r->err);
        set_raw(L, t, "stderr");
        if (r->finished)
            lua_pushinteger(L, r->exit_code);
        else
            lua_pushnil(L);
        set_raw(L, t, "exit");
        lua_pushboolean(L, r->finished);
        set_raw(L, t, "finished");
        lua_pushinteger(L, r->line);
        set_raw(L, t, "line");
        if (r->finished && r->exit_code != 0) {
            const char *e = buf_str(&r->err);
            size_t n = r->err.len;
            while (n > 0 && e[n - 1] == '\n')
                n--;
            size_t start = n;
            while (start > 0 && e[start - 1] != '\n')
                start--;
            lua_pushlstring(L, e + start, n - start);
        } else {
            lua_pushnil(L);
        }
        set_raw(L, t, "error");
        lua_pushstring(L, r->prof->name);
        set_raw(L, t, "python");
    } else {
        static const char *const fields[] = {"stdout", "stderr", "exit", "finished",
                                             "line",   "error",  "python", NULL};
        for (int i = 0; fields[i]; i++) {
            lua_pushnil(L);
            set_raw(L, t, fields[i]);
        }
    }
    return 0;
}

bool api_sim_bind(Sandbox *sb, SimRun *run, SandboxResult *res)
{
    return sandbox_protect(sb, bind_body, run, res);
}

/* }====== */
