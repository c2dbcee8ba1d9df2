/*
 * sandbox_lib: what a sandboxed script may see.
 *
 * Opens base, string, table, math, utf8 and coroutine, then keeps only the
 * names on the allow lists below.  Wraps the few functions that could break
 * the limits from inside a single C call, where no hook can fire:
 *   - load: text chunks only;
 *   - setmetatable: no __gc (finalizers run with hooks off; an endless one
 *     would hang lua_close);
 *   - collectgarbage: "count", "step" and "collect" only;
 *   - print: to the sandbox's output buffer, under its byte budget;
 *   - string.find/match/gmatch/gsub: subject length and pattern cost capped
 *     (backtracking is polynomial in the subject, with no hook inside);
 *   - string.rep: an empty result is returned at once (the C loop would
 *     otherwise spin n times copying nothing);
 *   - table.insert/remove/move: no __len, bounded spans (same reason).
 * It also locks the string metatable (string.dump is gone from the real
 * table) and gives the globals a locked metatable that reports typos.
 */
#include "script/sandbox_lua.h"

#include <stdio.h>
#include <string.h>

#include <lualib.h>

#define SANDBOX_PATTERN_WORK 4e7         /* matcher steps a pattern call may need, worst case */
#define SANDBOX_TABLE_SPAN ((lua_Integer)1 << 20) /* elements one table call may shift */

/* {====== Allow lists ====== */

static const char *const base_allowed[] = {
    "assert", "error", "getmetatable", "ipairs", "next", "pairs", "pcall", "print", "rawequal",
    "rawget", "rawlen", "rawset", "select", "setmetatable", "tonumber", "tostring", "type",
    "xpcall", "load", "collectgarbage", "_G", "_VERSION", "string", "table", "math", "utf8",
    "coroutine", NULL,
};

static const char *const string_allowed[] = {
    "byte", "char", "find", "format", "gmatch", "gsub", "len", "lower", "match", "pack",
    "packsize", "rep", "reverse", "sub", "unpack", "upper", NULL,
};

static bool listed(const char *const *list, const char *name)
{
    for (; *list; list++)
        if (strcmp(*list, name) == 0)
            return true;
    return false;
}

/* Sets to nil every string key of the table on top that is not on the list. */
static void keep_only(lua_State *L, const char *const *list)
{
    int t = lua_gettop(L);
    lua_newtable(L); /* names to drop, collected first: no edits while walking */
    int drop = lua_gettop(L);
    lua_Integer n = 0;
    lua_pushnil(L);
    while (lua_next(L, t)) {
        lua_pop(L, 1);
        if (lua_type(L, -1) == LUA_TSTRING && !listed(list, lua_tostring(L, -1))) {
            lua_pushvalue(L, -1);
            lua_rawseti(L, drop, ++n);
        }
    }
    for (lua_Integer i = 1; i <= n; i++) {
        lua_rawgeti(L, drop, i);
        lua_pushnil(L);
        lua_rawset(L, t);
    }
    lua_settop(L, t);
}

/* }====== */

/* {====== Base wrappers ====== */

static int sb_print(lua_State *L)
{
    SandboxCtx *c = sandbox_ctx(L);
    int n = lua_gettop(L);
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    for (int i = 1; i <= n; i++) {
        if (i > 1)
            luaL_addchar(&b, '\t');
        luaL_tolstring(L, i, NULL);
        luaL_addvalue(&b);
    }
    luaL_addchar(&b, '\n');
    luaL_pushresult(&b);
    size_t len;
    const char *s = lua_tolstring(L, -1, &len);
    size_t room = c->out_total < c->lim.output_bytes ? c->lim.output_bytes - c->out_total : 0;
    buf_add(&c->out, s, len < room ? len : room);
    c->out_total += len < room ? len : room;
    if (len > room) {
        char msg[128];
        snprintf(msg, sizeof msg, "output limit: the script printed more than %zu bytes",
                 c->lim.output_bytes);
        return sandbox_trip(L, SANDBOX_OUTPUT, msg);
    }
    return 0;
}

/* Runs upvalue 1, the wrapped original, in this very frame, so its errors
 * name the script's line (luaL_where sees our Lua caller, not a C caller).
 * Safe because every wrapped library function is a plain C function with no
 * upvalues of its own. */
static int call_original(lua_State *L)
{
    lua_CFunction original = lua_tocfunction(L, lua_upvalueindex(1));
    return original(L);
}

static int sb_load(lua_State *L)
{
    int n = lua_gettop(L);
    lua_settop(L, n < 4 ? 3 : 4); /* keep an explicit env, even nil */
    lua_pushliteral(L, "t");
    lua_replace(L, 3);
    return call_original(L);
}

static int sb_setmetatable(lua_State *L)
{
    if (lua_type(L, 2) == LUA_TTABLE) {
        lua_pushliteral(L, "__gc");
        if (lua_rawget(L, 2) != LUA_TNIL)
            return luaL_error(L, "setmetatable: a metatable with __gc is not allowed in "
                                 "exercises (finalizers cannot be interrupted)");
        lua_pop(L, 1);
    }
    return call_original(L);
}

static int sb_collectgarbage(lua_State *L)
{
    static const char *const ok[] = {"collect", "count", "step", NULL};
    const char *opt = luaL_optstring(L, 1, "collect");
    if (!listed(ok, opt))
        return luaL_error(L, "collectgarbage('%s') is not available in exercises "
                             "(only 'collect', 'count' and 'step')", opt);
    return call_original(L);
}

static int sb_unknown_global(lua_State *L)
{
    if (lua_type(L, 2) == LUA_TSTRING)
        return luaL_error(L, "unknown global '%s'", lua_tostring(L, 2));
    return 0;
}

/* }====== */

/* {====== String and table wrappers ====== */

/* Skips one pattern item that starts at p[i]; returns the index after it. */
static size_t pattern_item_end(const char *p, size_t m, size_t i)
{
    if (p[i] == '%')
        return i + 2 <= m ? i + 2 : m;
    if (p[i] != '[')
        return i + 1;
    i++;
    if (i < m && p[i] == '^')
        i++;
    if (i < m)
        i++; /* a ']' right after '[' or '[^' is a member */
    while (i < m && p[i] != ']')
        i += (p[i] == '%' && i + 1 < m) ? 2 : 1;
    return i < m ? i + 1 : m;
}

/*
 * A worst-case bound on the matcher's steps.  Each start position costs the
 * pattern's length, times the subject length for every unbounded repetition,
 * back-reference or %b, times 2 for every '?'.  One shape is cheaper and
 * common ("[^\n]+", "key=(%d+)"): when the only unbounded repetition is a
 * greedy '*' or '+' that ends the pattern, it always succeeds once reached,
 * so it never backtracks and its runs add up to one pass over the subject.
 * Crude but sound: '.-.-.-b' on 400 bytes needs seconds; this says 2.6e12.
 */
static double pattern_cost(const char *p, size_t m, size_t n, bool plain, bool anchor_ok)
{
    double starts = (double)n + 1, per_start = (double)m + 1, nn = (double)n + 1;
    if (plain)
        return starts * per_start;
    size_t i = 0;
    int unbounded = 0;
    bool tail_greedy = false;
    if (anchor_ok && m > 0 && p[0] == '^') {
        starts = 1;
        i = 1;
    }
    while (i < m) {
        char ch = p[i];
        if (ch == '(' || ch == ')') {
            i++; /* captures keep a repetition last */
            continue;
        }
        tail_greedy = false;
        if (ch == '%' && i + 1 < m && (p[i + 1] == 'b' || (p[i + 1] >= '1' && p[i + 1] <= '9'))) {
            unbounded++;
            per_start *= nn;
            i += p[i + 1] == 'b' ? 4 : 2;
            continue;
        }
        if (ch == '%' && i + 1 < m && p[i + 1] == 'f') {
            i = pattern_item_end(p, m, i + 2);
            continue;
        }
        i = pattern_item_end(p, m, i);
        if (i < m && (p[i] == '*' || p[i] == '+' || p[i] == '-')) {
            unbounded++;
            per_start *= nn;
            tail_greedy = p[i] != '-';
            i++;
        } else if (i < m && p[i] == '?') {
            per_start *= 2;
            i++;
        }
    }
    if (tail_greedy && unbounded == 1)
        return starts * (per_start / nn) + nn;
    return starts * per_start;
}

/* Upvalues: 1 the original, 2 its name, 3 whether '^' anchors (not for gmatch). */
static int sb_pattern(lua_State *L)
{
    SandboxCtx *c = sandbox_ctx(L);
    size_t n, m;
    const char *name = lua_tostring(L, lua_upvalueindex(2));
    luaL_checklstring(L, 1, &n);
    const char *p = luaL_checklstring(L, 2, &m);
    bool plain = strcmp(name, "find") == 0 && lua_toboolean(L, 4);
    if (n > c->lim.pattern_subject)
        return luaL_error(L, "string.%s: a subject of %I bytes is longer than the %I "
                             "bytes exercises allow", name, (lua_Integer)n,
                          (lua_Integer)c->lim.pattern_subject);
    if (pattern_cost(p, m, n, plain, lua_toboolean(L, lua_upvalueindex(3))) >
        SANDBOX_PATTERN_WORK)
        return luaL_error(L, "string.%s: pattern too costly for a %I-byte subject (too many "
                             "repetitions); use a simpler pattern or a shorter string", name,
                          (lua_Integer)n);
    return call_original(L);
}

static int sb_rep(lua_State *L)
{
    size_t l, lsep = 0;
    luaL_checklstring(L, 1, &l);
    lua_Integer n = luaL_checkinteger(L, 2);
    luaL_optlstring(L, 3, "", &lsep);
    if (n > 0 && l == 0 && lsep == 0) {
        lua_pushliteral(L, "");
        return 1;
    }
    return call_original(L);
}

/* Upvalue 2 is the name, for messages. */
static int sb_table_shift(lua_State *L)
{
    const char *name = lua_tostring(L, lua_upvalueindex(2));
    luaL_checktype(L, 1, LUA_TTABLE);
    if (lua_getmetatable(L, 1)) {
        lua_pushliteral(L, "__len");
        if (lua_rawget(L, -2) != LUA_TNIL)
            return luaL_error(L, "table.%s: tables with a __len metamethod are not "
                                 "supported in exercises", name);
        lua_pop(L, 2);
    }
    if (strcmp(name, "move") == 0) {
        lua_Integer f = luaL_checkinteger(L, 2), e = luaL_checkinteger(L, 3);
        if (e >= f && (lua_Unsigned)e - (lua_Unsigned)f >= (lua_Unsigned)SANDBOX_TABLE_SPAN)
            return luaL_error(L, "table.move: more than %d elements at once",
                              (int)SANDBOX_TABLE_SPAN);
    }
    return call_original(L);
}

/* Replaces field `name` of the table on top with fn closed over the original. */
static void wrap(lua_State *L, const char *name, lua_CFunction fn, int extra)
{
    lua_getfield(L, -1, name);
    lua_pushstring(L, name);
    lua_pushboolean(L, extra);
    lua_pushcclosure(L, fn, 3);
    lua_setfield(L, -2, name);
}

/* }====== */

/* {====== Setup ====== */

static void open_lib(lua_State *L, const char *name, lua_CFunction open)
{
    luaL_requiref(L, name, open, 1);
    lua_pop(L, 1);
}

static void lock_string_metatable(lua_State *L)
{
    lua_pushliteral(L, "");
    lua_getmetatable(L, -1);
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable"); /* getmetatable('') now says false */
    lua_pop(L, 2);
}

int sandbox_open_libs(lua_State *L)
{
    open_lib(L, LUA_GNAME, luaopen_base);
    open_lib(L, LUA_STRLIBNAME, luaopen_string);
    open_lib(L, LUA_TABLIBNAME, luaopen_table);
    open_lib(L, LUA_MATHLIBNAME, luaopen_math);
    open_lib(L, LUA_UTF8LIBNAME, luaopen_utf8);
    open_lib(L, LUA_COLIBNAME, luaopen_coroutine);

    lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
    keep_only(L, base_allowed);
    lua_pushcfunction(L, sb_print);
    lua_setfield(L, -2, "print");
    wrap(L, "load", sb_load, 0);
    wrap(L, "setmetatable", sb_setmetatable, 0);
    wrap(L, "collectgarbage", sb_collectgarbage, 0);

    lua_getfield(L, -1, LUA_STRLIBNAME); /* the real table: strings index it */
    keep_only(L, string_allowed);
    wrap(L, "find", sb_pattern, 1);
    wrap(L, "match", sb_pattern, 1);
    wrap(L, "gsub", sb_pattern, 1);
    wrap(L, "gmatch", sb_pattern, 0);
    wrap(L, "rep", sb_rep, 0);
    lua_pop(L, 1);

    lua_getfield(L, -1, LUA_TABLIBNAME);
    wrap(L, "insert", sb_table_shift, 0);
    wrap(L, "remove", sb_table_shift, 0);
    wrap(L, "move", sb_table_shift, 0);
    lua_pop(L, 1);

    lua_getfield(L, -1, LUA_MATHLIBNAME); /* the same numbers for everyone */
    lua_getfield(L, -1, "randomseed");
    lua_pushinteger(L, 42);
    lua_call(L, 1, 0);
    lua_pop(L, 1);

    lock_string_metatable(L);

    lua_newtable(L); /* the globals' metatable: typos are errors, and it stays */
    lua_pushcfunction(L, sb_unknown_global);
    lua_setfield(L, -2, "__index");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
    lua_pop(L, 1);
    return 0;
}

/* }====== */
