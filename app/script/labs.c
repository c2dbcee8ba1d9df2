/*
 * labs: the registry of lab bindings and the `run` fields they share.
 */
#include "script/labs.h"

#include <string.h>

#include "script/sandbox_lua.h"

static const LabBinding *const bindings[] = {
    &lab_gil_binding,
    &lab_flywheel_binding,
    &lab_capi_binding,
    &lab_roadmap_binding,
    &lab_loop_binding,
    NULL, /* end */
};
#define NBINDINGS (sizeof bindings / sizeof bindings[0] - 1)

const LabBinding *lab_binding_find(const char *name)
{
    for (size_t i = 0; name && bindings[i]; i++)
        if (strcmp(bindings[i]->name, name) == 0)
            return bindings[i];
    return NULL;
}

void labs_open_libs(lua_State *L)
{
    for (size_t i = 0; bindings[i]; i++)
        if (bindings[i]->open_lib)
            bindings[i]->open_lib(L);
}

void labs_set_int(lua_State *L, const char *k, long long v)
{
    lua_pushinteger(L, (lua_Integer)v);
    lua_setfield(L, -2, k);
}

void labs_set_num(lua_State *L, const char *k, double v)
{
    lua_pushnumber(L, v);
    lua_setfield(L, -2, k);
}

void labs_set_str(lua_State *L, const char *k, const char *v)
{
    lua_pushstring(L, v);
    lua_setfield(L, -2, k);
}

void labs_set_bool(lua_State *L, const char *k, bool v)
{
    lua_pushboolean(L, v);
    lua_setfield(L, -2, k);
}

/* Lines of a buffer as a Lua list (a final line without '\n' counts). */
static void push_lines(lua_State *L, const Buf *b)
{
    lua_newtable(L);
    const char *s = buf_str(b), *end = s + b->len;
    lua_Integer i = 0;
    while (s < end) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        size_t n = nl ? (size_t)(nl - s) : (size_t)(end - s);
        lua_pushlstring(L, s, n);
        lua_rawseti(L, -2, ++i);
        s += n + (nl != NULL);
    }
}

static void push_last_line(lua_State *L, const Buf *b)
{
    const char *s = buf_str(b);
    size_t n = b->len;
    while (n && s[n - 1] == '\n')
        n--;
    size_t start = n;
    while (start && s[start - 1] != '\n')
        start--;
    lua_pushlstring(L, s + start, n - start);
}

void labs_push_run(lua_State *L, const Lab *lab)
{
    lua_newtable(L);
    lua_pushstring(L, lab->cls->name);
    lua_setfield(L, -2, "model");
    lua_pushinteger(L, lab_line(lab));
    lua_setfield(L, -2, "line");
    lua_pushboolean(L, lab->finished);
    lua_setfield(L, -2, "finished");
    lua_pushinteger(L, lab->exit_code);
    lua_setfield(L, -2, "exit");
    push_lines(L, &lab->out);
    lua_setfield(L, -2, "stdout");
    push_last_line(L, &lab->err);
    lua_setfield(L, -2, "error");
    const LabBinding *b = lab_binding_find(lab->cls->name);
    if (b && b->fill_run)
        b->fill_run(L, lab);
}

static int register_body(lua_State *L)
{
    labs_open_libs(L);
    return 0;
}

bool labs_register(Sandbox *sb, SandboxResult *res)
{
    return sandbox_protect(sb, register_body, NULL, res);
}

static int bind_body(lua_State *L)
{
    const Lab *lab = lua_touserdata(L, 1);
    lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
    lua_pushstring(L, "run");
    if (lab)
        labs_push_run(L, lab);
    else
        lua_pushnil(L);
    lua_rawset(L, -3);
    return 0;
}

bool labs_bind(Sandbox *sb, const Lab *lab, SandboxResult *res)
{
    return sandbox_protect(sb, bind_body, (void *)lab, res);
}
