/*
 * lab_capi_lua: the `run` fields of the C-API ownership lab (lab/capi/capi.h),
 * for exercise `model` and `check` functions.  Plain data, documented in
 * docs/EXERCISES.md ("The capi lab"):
 *
 *   run.vars[name]   {state, owned, type, value, refcount, alive, line}
 *                    state: "owned" "borrowed" "stolen" "released" "NULL"
 *                    "returned" "long"; owned: true when it holds a strong
 *                    reference; value: repr or the long's number
 *   run.refcount[name]  refcount of the variable's object (absent for NULL
 *                    and longs; 0 once freed)
 *   run.objects      list of {type, value, refcount, alive, line, freed_line, size}
 *   run.leaks        list of {line, var, type, value, count} (var "" for an
 *                    unstored result)
 *   run.errors       list of the run's error lines; run.error_line: the
 *                    line of the first misuse (0 when none)
 *   run.returned     {type, value, refcount, items (list or tuple: each item as
 *                    text, in order)} or nil; run.returned_null
 *   run.exception    the pending exception ("IndexError: ...") or ""
 */
#include <string.h>

#include "lab/capi/capi.h"
#include "script/labs.h"

static void push_items(lua_State *L, const Capi *c, SimId id);

/* The shown value of an object: the int's number, the str's text, "len N". */
static const char *value_of(const CapiObj *o) { return o->repr; }

static void push_obj(lua_State *L, const CapiObj *o)
{
    lua_createtable(L, 0, 7);
    labs_set_str(L, "type", o->type);
    labs_set_str(L, "value", value_of(o));
    labs_set_int(L, "refcount", o->refcnt);
    labs_set_bool(L, "alive", o->alive);
    labs_set_int(L, "line", o->made_line);
    labs_set_int(L, "freed_line", o->freed_line);
    labs_set_int(L, "size", (lua_Integer)o->size);
}

static void push_vars(lua_State *L, const Capi *c)
{
    lua_newtable(L); /* vars */
    lua_newtable(L); /* refcount */
    for (size_t v = 0; v < c->prog.nvar; v++) {
        const CapiRef *r = capi_var_ref(c, v);
        if (!r)
            continue;
        const char *name = c->prog.var[v].name;
        lua_createtable(L, 0, 7);
        labs_set_str(L, "state", capi_state_name((CapiRefState)r->state));
        labs_set_bool(L, "owned", r->state == CAPI_OWNED && r->owned > 0);
        labs_set_int(L, "line", r->line);
        if (r->state == CAPI_SCALAR) {
            labs_set_str(L, "type", "long");
            labs_set_int(L, "value", r->scalar);
        } else if (r->obj >= 0) {
            const CapiObj *o = &c->obj[r->obj];
            labs_set_str(L, "type", o->type);
            labs_set_str(L, "value", value_of(o));
            labs_set_int(L, "refcount", o->refcnt);
            labs_set_bool(L, "alive", o->alive);
            lua_pushinteger(L, o->refcnt);
            lua_setfield(L, -3, name); /* refcount[name] */
        } else {
            labs_set_str(L, "type", "NULL");
        }
        lua_setfield(L, -3, name); /* vars[name] */
    }
    lua_setfield(L, -3, "refcount");
    lua_setfield(L, -2, "vars");
}

static void fill_capi(lua_State *L, const Lab *lab)
{
    const Capi *c = lab->st;
    if (!c)
        return;
    push_vars(L, c);
    lua_createtable(L, (int)c->nobj, 0);
    for (size_t i = 0; i < c->nobj; i++) {
        push_obj(L, &c->obj[i]);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    lua_setfield(L, -2, "objects");
    lua_createtable(L, (int)c->nleak, 0);
    for (size_t i = 0; i < c->nleak; i++) {
        const CapiLeak *k = &c->leak[i];
        const CapiObj *o = &c->obj[k->obj];
        lua_createtable(L, 0, 5);
        labs_set_int(L, "line", k->line);
        labs_set_str(L, "var", k->var >= 0 ? c->prog.var[k->var].name : "");
        labs_set_str(L, "type", o->type);
        labs_set_str(L, "value", value_of(o));
        labs_set_int(L, "count", k->count);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    lua_setfield(L, -2, "leaks");
    /* errors: every line of err */
    lua_newtable(L);
    const char *s = buf_str(&lab->err), *end = s + lab->err.len;
    lua_Integer n = 0;
    while (s < end) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        size_t len = nl ? (size_t)(nl - s) : (size_t)(end - s);
        if (len) {
            lua_pushlstring(L, s, len);
            lua_rawseti(L, -2, ++n);
        }
        s += len + (nl != NULL);
    }
    lua_setfield(L, -2, "errors");
    labs_set_int(L, "error_line", c->error_line);
    bool null_ret = c->returned && (c->ret_ref < 0 || c->ref[c->ret_ref].state == CAPI_NULL);
    labs_set_bool(L, "returned_null", null_ret);
    if (c->returned && !null_ret) {
        const CapiObj *o = &c->obj[c->ref[c->ret_ref].obj];
        lua_createtable(L, 0, 3);
        labs_set_str(L, "type", o->type);
        labs_set_str(L, "value", value_of(o));
        labs_set_int(L, "refcount", o->refcnt);
        if (o->alive && (o->kind == SK_LIST || o->kind == SK_TUPLE))
            push_items(L, c, o->id); /* the items in order, so a check sees (3, 1000) */
        lua_setfield(L, -2, "returned");
    }
    labs_set_str(L, "exception", c->exc ? c->exc : "");
}

/* returned.items: each item of a list or tuple as text (an int's digits, a
 * str's repr, "NULL" for an empty slot), in order. */
static void push_items(lua_State *L, const Capi *c, SimId id)
{
    const Sim *s = c->sim;
    const SimObj *so = sim_obj(s, id);
    const SimId *items = sim_items(s, id);
    lua_createtable(L, (int)so->len, 0);
    for (uint32_t i = 0; i < so->len; i++) {
        SimId it = items[i];
        const SimObj *io = it ? sim_obj(s, it) : NULL;
        if (!io)
            lua_pushstring(L, "NULL");
        else if (io->kind == SK_INT)
            lua_pushfstring(L, "%I", (lua_Integer)io->v.i);
        else
            lua_pushstring(L, sim_type_name(s, it));
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    lua_setfield(L, -2, "items");
}

const LabBinding lab_capi_binding = {
    .name = "capi",
    .fill_run = fill_capi,
    .open_lib = NULL,
};
