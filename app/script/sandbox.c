/*
 * sandbox: the Lua state, its limits and how a run ends (see sandbox.h).
 *
 * This file owns the mechanics: the capped allocator, the count hook that
 * spends the instruction budget and watches the clock, the sticky trip that
 * `pcall` cannot swallow, the message handler that gives every error a
 * place, and the decision of a run's outcome (flags first, then status).
 * Which functions a script may see is sandbox_lib.c's business.
 */
#include "script/sandbox_lua.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fsutil.h"
#include "base/xalloc.h"

struct Sandbox {
    lua_State *L;
    SandboxCtx ctx;
};

#define SANDBOX_MESSAGE_MAX 1024 /* longer error messages are cut */
#define SANDBOX_FILE_MAX ((size_t)1 << 20) /* exercise files are small */

/* {====== Limits and results ====== */

/* The sanitizer build runs everything several times slower: the wall-clock
 * guard (against a script that never ends) gets the same slack, while the
 * instruction budget stays as it is: x3, under the hostile suite's 5 s ceiling. */
#if defined(__SANITIZE_ADDRESS__)
#define WALL_SLACK 3
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define WALL_SLACK 3
#endif
#endif
#ifndef WALL_SLACK
#define WALL_SLACK 1
#endif

void sandbox_limits_default(SandboxLimits *lim)
{
    *lim = (SandboxLimits){
        .mem_bytes = SANDBOX_DEFAULT_MEM,
        .instructions = SANDBOX_DEFAULT_INSTRUCTIONS,
        .hook_step = SANDBOX_DEFAULT_STEP,
        .wall_ms = SANDBOX_DEFAULT_WALL_MS * WALL_SLACK,
        .output_bytes = SANDBOX_DEFAULT_OUTPUT,
        .pattern_subject = SANDBOX_DEFAULT_PATTERN_SUBJECT,
    };
}

static void limits_fill(SandboxLimits *dst, const SandboxLimits *src)
{
    sandbox_limits_default(dst);
    if (!src)
        return;
    if (src->mem_bytes)
        dst->mem_bytes = src->mem_bytes;
    if (src->instructions > 0)
        dst->instructions = src->instructions;
    if (src->hook_step > 0)
        dst->hook_step = src->hook_step;
    if (src->wall_ms > 0)
        dst->wall_ms = src->wall_ms;
    if (src->output_bytes)
        dst->output_bytes = src->output_bytes;
    if (src->pattern_subject)
        dst->pattern_subject = src->pattern_subject;
}

void sandbox_result_fini(SandboxResult *res)
{
    free(res->message);
    free(res->file);
    free(res->value);
    *res = (SandboxResult){0};
}

const char *sandbox_outcome_name(SandboxOutcome outcome)
{
    switch (outcome) {
    case SANDBOX_OK: return "ok";
    case SANDBOX_SYNTAX: return "syntax error";
    case SANDBOX_RUNTIME: return "runtime error";
    case SANDBOX_INSTRUCTIONS: return "instruction limit";
    case SANDBOX_TIME: return "time limit";
    case SANDBOX_MEMORY: return "memory limit";
    case SANDBOX_OUTPUT: return "output limit";
    case SANDBOX_ABORTED: return "aborted";
    case SANDBOX_HOST: return "host error";
    }
    return "?";
}

/* Copies at most SANDBOX_MESSAGE_MAX bytes, cut on a UTF-8 boundary. */
static char *message_dup(const char *s, size_t len)
{
    if (len <= SANDBOX_MESSAGE_MAX)
        return xstrndup(s, len);
    size_t cut = SANDBOX_MESSAGE_MAX - 3;
    while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
        cut--;
    Buf b = {0};
    buf_add(&b, s, cut);
    buf_adds(&b, "...");
    return buf_take(&b);
}

/* Splits "file:line: text" into file and line when the message has that shape. */
static void result_locate(SandboxResult *res)
{
    const char *m = res->message;
    for (const char *p = m; p && (p = strchr(p, ':')) != NULL; p++) {
        const char *d = p + 1;
        long line = 0;
        while (*d >= '0' && *d <= '9' && line < 100000000)
            line = line * 10 + (*d++ - '0');
        if (d > p + 1 && *d == ':' && p > m) {
            res->file = xstrndup(m, (size_t)(p - m));
            res->line = (int)line;
            return;
        }
    }
}

/* }====== */

/* {====== Allocator ====== */

SandboxCtx *sandbox_ctx(lua_State *L)
{
    void *ud = NULL;
    lua_getallocf(L, &ud);
    return ud;
}

/*
 * Behaves like realloc under a byte cap.  Frees and shrinks always succeed.
 * A refused growth is remembered: Lua answers it with one emergency full
 * collection and the very same request again, so the refusal counts only if
 * that retry fails too or never comes (the next growth is a different one).
 */
static void *sandbox_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    SandboxCtx *c = ud;
    size_t old = ptr ? osize : 0; /* with no block, osize is a type tag */

    if (nsize == 0) {
        free(ptr);
        c->used -= old;
        return NULL;
    }
    if (nsize > old) {
        bool retry = c->retry_pending && ptr == c->retry_ptr && osize == c->retry_osize &&
                     nsize == c->retry_nsize;
        if (c->retry_pending && !retry)
            c->refused = true; /* the last refusal was never retried */
        c->retry_pending = false;
        size_t grow = nsize - old;
        size_t room = c->used < c->lim.mem_bytes ? c->lim.mem_bytes - c->used : 0;
        if (grow > room) {
            if (retry) {
                c->refused = true;
            } else {
                c->retry_pending = true;
                c->retry_ptr = ptr;
                c->retry_osize = osize;
                c->retry_nsize = nsize;
            }
            return NULL;
        }
    }
    void *p = realloc(ptr, nsize);
    if (!p) {
        if (nsize <= old)
            return ptr; /* a failed shrink keeps the bigger block */
        c->refused = true;
        return NULL;
    }
    c->used = c->used - old + nsize;
    if (c->used > c->peak)
        c->peak = c->used;
    return p;
}

/* }====== */

/* {====== Hook and trips ====== */

static void timespec_after_ms(struct timespec *t, int ms)
{
    clock_gettime(CLOCK_MONOTONIC, t);
    t->tv_sec += ms / 1000;
    t->tv_nsec += (long)(ms % 1000) * 1000000L;
    if (t->tv_nsec >= 1000000000L) {
        t->tv_sec++;
        t->tv_nsec -= 1000000000L;
    }
}

static bool deadline_passed(const struct timespec *d)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return now.tv_sec > d->tv_sec || (now.tv_sec == d->tv_sec && now.tv_nsec >= d->tv_nsec);
}

static void note_where(char *dst, size_t size, const lua_Debug *ar)
{
    if (ar->currentline > 0)
        snprintf(dst, size, "%s:%d", ar->short_src, ar->currentline);
}

static void mem_text(const SandboxCtx *c, char *dst, size_t size)
{
    snprintf(dst, size, "memory limit: the script needed more than %zu KiB",
             c->lim.mem_bytes >> 10);
}

/* The message of a limit the sandbox itself watches; false for the others. */
static bool limit_text(const SandboxCtx *c, SandboxOutcome why, char *dst, size_t size)
{
    switch (why) {
    case SANDBOX_INSTRUCTIONS:
        snprintf(dst, size,
                 "instruction limit: the script ran more than %ld instructions "
                 "(an endless loop?)", c->lim.instructions);
        return true;
    case SANDBOX_TIME:
        snprintf(dst, size, "time limit: the script ran longer than %d ms", c->lim.wall_ms);
        return true;
    case SANDBOX_MEMORY:
        mem_text(c, dst, size);
        return true;
    case SANDBOX_ABORTED:
        snprintf(dst, size, "stopped: the run was interrupted");
        return true;
    default:
        return false; /* sandbox_trip wrote its own text */
    }
}

/* Records the first limit crossed in this run; later ones keep the first. */
static void set_trip(SandboxCtx *c, SandboxOutcome why, const char *where)
{
    if (c->tripped != SANDBOX_OK)
        return;
    c->tripped = why;
    snprintf(c->trip_where, sizeof c->trip_where, "%s", where);
    limit_text(c, why, c->trip_msg, sizeof c->trip_msg);
}

/*
 * Runs every hook_step instructions on every thread (coroutines inherit the
 * hook).  Once a limit is crossed it re-arms itself with a count of 1, so the
 * next instruction anywhere raises again: a pcall can catch the error but
 * cannot run on.  The message is built from the hook's own lua_Debug, which
 * gives the looping line; luaL_error would name the caller's line.
 */
static void sandbox_hook(lua_State *L, lua_Debug *ar)
{
    SandboxCtx *c = sandbox_ctx(L);
    if (!c->armed)
        return;
    int count = lua_gethookcount(L);
    if (lua_getinfo(L, "Sl", ar))
        note_where(c->where, sizeof c->where, ar);
    if (c->tripped == SANDBOX_OK) {
        c->steps += count;
        c->slices++;
        if (c->abort_requested)
            set_trip(c, SANDBOX_ABORTED, c->where);
        else if (c->refused || c->retry_pending)
            set_trip(c, SANDBOX_MEMORY, c->where);
        else if (c->steps >= c->lim.instructions)
            set_trip(c, SANDBOX_INSTRUCTIONS, c->where);
        else if ((c->slices & 7) == 0 && deadline_passed(&c->deadline))
            set_trip(c, SANDBOX_TIME, c->where);
        if (c->tripped == SANDBOX_OK) {
            if (count != c->lim.hook_step) /* back from a count-1 re-arm */
                lua_sethook(L, sandbox_hook, LUA_MASKCOUNT, c->lim.hook_step);
            return;
        }
    }
    lua_sethook(L, sandbox_hook, LUA_MASKCOUNT, 1);
    if (c->where[0])
        lua_pushfstring(L, "%s: %s", c->where, c->trip_msg);
    else
        lua_pushstring(L, c->trip_msg);
    lua_error(L);
}

int sandbox_trip(lua_State *L, SandboxOutcome why, const char *msg)
{
    SandboxCtx *c = sandbox_ctx(L);
    if (c->tripped == SANDBOX_OK) {
        char where[sizeof c->where] = "";
        lua_Debug ar;
        for (int level = 1; !where[0] && lua_getstack(L, level, &ar); level++)
            if (lua_getinfo(L, "Sl", &ar))
                note_where(where, sizeof where, &ar); /* first Lua caller */
        snprintf(c->trip_msg, sizeof c->trip_msg, "%s", msg);
        set_trip(c, why, where);
    }
    lua_sethook(L, sandbox_hook, LUA_MASKCOUNT, 1);
    return luaL_error(L, "%s", msg);
}

SandboxOutcome sandbox_spend(lua_State *L, uint64_t work)
{
    void *ud = NULL;
    if (lua_getallocf(L, &ud) != sandbox_alloc)
        return SANDBOX_OK; /* a plain Lua state (a test's): no limits to count against */
    SandboxCtx *c = ud;
    if (!c->armed)
        return SANDBOX_OK;
    if (c->tripped != SANDBOX_OK)
        return c->tripped;
    uint64_t cost = work / SANDBOX_WORK_PER_INSTRUCTION;
    uint64_t room = c->steps < c->lim.instructions ? (uint64_t)(c->lim.instructions - c->steps) : 0;
    c->steps += cost < room ? (long)cost : (long)room;
    return c->abort_requested                ? SANDBOX_ABORTED
           : c->steps >= c->lim.instructions ? SANDBOX_INSTRUCTIONS
           : deadline_passed(&c->deadline)   ? SANDBOX_TIME
                                             : SANDBOX_OK;
}

void sandbox_charge(lua_State *L, uint64_t work)
{
    SandboxOutcome why = sandbox_spend(L, work);
    if (why == SANDBOX_OK)
        return;
    SandboxCtx *c = sandbox_ctx(L);
    if (c->tripped != SANDBOX_OK)
        return; /* an earlier trip raises again at the next instruction */
    char msg[sizeof c->trip_msg];
    limit_text(c, why, msg, sizeof msg);
    sandbox_trip(L, why, msg);
}

/* }====== */

/* {====== Protected runs ====== */

/* Gives every error object a text and, when it has none, the place of the
 * innermost Lua function that was running. */
static int sandbox_msgh(lua_State *L)
{
    if (lua_type(L, 1) == LUA_TSTRING)
        return 1;
    if (lua_type(L, 1) == LUA_TNUMBER)
        luaL_tolstring(L, 1, NULL);
    else if (!luaL_callmeta(L, 1, "__tostring") || lua_type(L, -1) != LUA_TSTRING)
        lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
    lua_Debug ar;
    for (int level = 1; lua_getstack(L, level, &ar); level++) {
        if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0) {
            lua_pushfstring(L, "%s:%d: %s", ar.short_src, ar.currentline,
                            lua_tostring(L, -1));
            break;
        }
    }
    return 1;
}

static void arm(SandboxCtx *c)
{
    c->armed = true;
    c->steps = 0;
    c->slices = 0;
    c->tripped = SANDBOX_OK;
    c->abort_requested = 0;
    c->syntax = false;
    c->host_error = false;
    c->refused = false;
    c->retry_pending = false;
    c->where[0] = '\0';
    c->trip_where[0] = '\0';
    c->trip_msg[0] = '\0';
    timespec_after_ms(&c->deadline, c->lim.wall_ms);
}

/* Formats the value on top without calling into Lua (nothing may raise here). */
static char *value_text(lua_State *L)
{
    char tmp[64];
    switch (lua_type(L, -1)) {
    case LUA_TSTRING: {
        size_t n;
        const char *s = lua_tolstring(L, -1, &n);
        return xstrndup(s, n);
    }
    case LUA_TNUMBER:
        if (lua_isinteger(L, -1))
            snprintf(tmp, sizeof tmp, LUA_INTEGER_FMT, lua_tointeger(L, -1));
        else
            snprintf(tmp, sizeof tmp, "%.14g", (double)lua_tonumber(L, -1));
        return xstrdup(tmp);
    case LUA_TBOOLEAN: return xstrdup(lua_toboolean(L, -1) ? "true" : "false");
    default: return NULL;
    }
}

static void set_message(SandboxResult *res, const char *where, const char *text)
{
    Buf b = {0};
    if (where && where[0])
        buf_printf(&b, "%s: ", where);
    buf_adds(&b, text);
    res->message = message_dup(buf_str(&b), b.len);
    buf_fini(&b);
}

/* Flags first (a pcall may have hidden the limit), then the status. */
static void decide(Sandbox *sb, int status, SandboxResult *res)
{
    lua_State *L = sb->L;
    SandboxCtx *c = &sb->ctx;
    char text[256];
    if (c->tripped != SANDBOX_OK) {
        res->outcome = c->tripped;
        set_message(res, c->trip_where[0] ? c->trip_where : c->chunk, c->trip_msg);
    } else if (c->abort_requested) {
        res->outcome = SANDBOX_ABORTED;
        set_message(res, c->where[0] ? c->where : c->chunk, "stopped: the run was interrupted");
    } else if (c->refused || c->retry_pending || status == LUA_ERRMEM) {
        res->outcome = SANDBOX_MEMORY;
        mem_text(c, text, sizeof text);
        set_message(res, c->where[0] ? c->where : c->chunk, text);
    } else if (status == LUA_OK) {
        res->outcome = SANDBOX_OK;
        res->value = value_text(L);
    } else {
        res->outcome = c->syntax ? SANDBOX_SYNTAX
                       : c->host_error ? SANDBOX_HOST
                                       : SANDBOX_RUNTIME;
        size_t n = 0;
        const char *s = lua_type(L, -1) == LUA_TSTRING ? lua_tolstring(L, -1, &n) : NULL;
        if (s)
            res->message = message_dup(s, n);
        else
            set_message(res, c->chunk, "error in error handling");
    }
    if (res->message)
        result_locate(res);
    res->steps = c->steps;
    res->mem_peak = c->peak;
}

bool sandbox_protect(Sandbox *sb, lua_CFunction fn, void *ud, SandboxResult *res)
{
    lua_State *L = sb->L;
    SandboxCtx *c = &sb->ctx;
    sandbox_result_fini(res);
    int base = lua_gettop(L);
    if (!lua_checkstack(L, 4)) {
        res->outcome = SANDBOX_MEMORY;
        set_message(res, c->chunk, "memory limit: no room on the Lua stack");
        return false;
    }
    arm(c);
    lua_sethook(L, sandbox_hook, LUA_MASKCOUNT, c->lim.hook_step);
    lua_pushcfunction(L, sandbox_msgh);
    lua_pushcfunction(L, fn);
    lua_pushlightuserdata(L, ud);
    int status = lua_pcall(L, 1, 1, base + 1);
    lua_sethook(L, NULL, 0, 0);
    c->armed = false;
    decide(sb, status, res);
    lua_settop(L, base);
    return res->outcome == SANDBOX_OK;
}

void sandbox_load_chunk(lua_State *L, const char *src, size_t len, const char *chunkname)
{
    SandboxCtx *c = sandbox_ctx(L);
    const char *name = chunkname ? chunkname : "=script";
    /* the short form messages use: "@x.lua" names the file x.lua */
    snprintf(c->chunk, sizeof c->chunk, "%s", name[0] == '@' || name[0] == '=' ? name + 1 : name);
    if (luaL_loadbufferx(L, src, len, name, "t") != LUA_OK) {
        c->syntax = true;
        lua_error(L);
    }
}

typedef struct RunArgs {
    const char *src;
    size_t len;
    const char *chunkname;
} RunArgs;

static int run_body(lua_State *L)
{
    const RunArgs *a = lua_touserdata(L, 1);
    lua_pushnil(L);
    lua_setfield(L, LUA_REGISTRYINDEX, SANDBOX_RETURNED_KEY);
    sandbox_load_chunk(L, a->src, a->len, a->chunkname);
    lua_call(L, 0, 1);
    lua_pushvalue(L, -1);
    lua_setfield(L, LUA_REGISTRYINDEX, SANDBOX_RETURNED_KEY);
    return 1;
}

bool sandbox_run_string(Sandbox *sb, const char *src, size_t len, const char *chunkname,
                        SandboxResult *res)
{
    RunArgs a = {src, len, chunkname};
    return sandbox_protect(sb, run_body, &a, res);
}

bool sandbox_run_file(Sandbox *sb, const char *path, const char *chunkname,
                      SandboxResult *res)
{
    Buf src = {0}, err = {0}, name = {0};
    bool ok;
    if (!file_read(path, SANDBOX_FILE_MAX, &src, &err)) {
        sandbox_result_fini(res);
        res->outcome = SANDBOX_HOST;
        res->message = xstrdup(buf_str(&err));
        ok = false;
    } else {
        if (!chunkname) {
            buf_printf(&name, "@%s", path);
            chunkname = buf_str(&name);
        }
        ok = sandbox_run_string(sb, buf_str(&src), src.len, chunkname, res);
    }
    buf_fini(&src);
    buf_fini(&err);
    buf_fini(&name);
    return ok;
}

static int call_body(lua_State *L)
{
    const char *name = lua_touserdata(L, 1);
    /* raw lookups: the host does not run the script's metamethods */
    if (lua_getfield(L, LUA_REGISTRYINDEX, SANDBOX_RETURNED_KEY) != LUA_TTABLE ||
        (lua_pushstring(L, name), lua_rawget(L, -2)) != LUA_TFUNCTION) {
        lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
        lua_pushstring(L, name);
        if (lua_rawget(L, -2) != LUA_TFUNCTION) {
            sandbox_ctx(L)->host_error = true;
            return luaL_error(L, "%s: no function '%s' to call", sandbox_ctx(L)->chunk, name);
        }
    }
    lua_call(L, 0, 1);
    return 1;
}

bool sandbox_call(Sandbox *sb, const char *name, SandboxResult *res)
{
    return sandbox_protect(sb, call_body, (void *)name, res);
}

typedef struct RegArgs {
    const char *table;
    const luaL_Reg *fns;
} RegArgs;

static int register_body(lua_State *L)
{
    const RegArgs *a = lua_touserdata(L, 1);
    lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
    lua_pushstring(L, a->table);
    if (lua_rawget(L, -2) != LUA_TTABLE) { /* raw: the globals report unknown names */
        lua_pop(L, 1);
        lua_newtable(L);
        lua_pushstring(L, a->table);
        lua_pushvalue(L, -2);
        lua_rawset(L, -4);
    }
    luaL_setfuncs(L, a->fns, 0);
    return 0;
}

bool sandbox_register(Sandbox *sb, const char *table, const luaL_Reg *fns,
                      SandboxResult *res)
{
    RegArgs a = {table, fns};
    return sandbox_protect(sb, register_body, &a, res);
}

/* }====== */

/* {====== Life cycle and accessors ====== */

static int sandbox_panic(lua_State *L)
{
    const char *msg = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "?";
    fprintf(stderr, "pydive: unprotected Lua error: %s\n", msg);
    return 0; /* Lua aborts; reaching here is a bug in app/script */
}

Sandbox *sandbox_new(const SandboxLimits *lim, SandboxResult *res)
{
    SandboxResult local = {0};
    if (!res)
        res = &local;
    Sandbox *sb = xcalloc(1, sizeof *sb);
    limits_fill(&sb->ctx.lim, lim);
    sb->L = lua_newstate(sandbox_alloc, &sb->ctx);
    if (!sb->L) {
        sandbox_result_fini(res);
        res->outcome = SANDBOX_MEMORY;
        res->message = xstrdup("memory limit: cannot create a Lua state");
        free(sb);
        return NULL;
    }
    lua_atpanic(sb->L, sandbox_panic);
    if (!sandbox_protect(sb, sandbox_open_libs, NULL, res)) {
        sandbox_free(sb);
        sb = NULL;
    }
    sandbox_result_fini(&local);
    return sb;
}

void sandbox_free(Sandbox *sb)
{
    if (!sb)
        return;
    lua_sethook(sb->L, NULL, 0, 0);
    lua_close(sb->L); /* bounded: scripts cannot set __gc (sandbox_lib.c) */
    buf_fini(&sb->ctx.out);
    free(sb);
}

lua_State *sandbox_state(Sandbox *sb)
{
    return sb->L;
}

void sandbox_abort(Sandbox *sb)
{
    sb->ctx.abort_requested = 1;
}

const char *sandbox_output(const Sandbox *sb, size_t *len)
{
    if (len)
        *len = sb->ctx.out.len;
    return buf_str(&sb->ctx.out);
}

void sandbox_output_clear(Sandbox *sb)
{
    buf_clear(&sb->ctx.out);
}

size_t sandbox_mem_used(const Sandbox *sb)
{
    return sb->ctx.used;
}

/* }====== */
