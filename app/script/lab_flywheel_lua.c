/*
 * lab_flywheel_lua: the flywheel lab's fields of the `run` table (see
 * docs/EXERCISES.md, section 8, "The flywheel lab"):
 *
 *   run.t          the step the model is at (0 before any `run`)
 *   run.users, run.libraries, run.tools     the stocks now
 *   run.final      {t, users, libraries, tools}: the same, as one table
 *   run.series     {{t=0, users=, libraries=, tools=}, ...}: every step so far
 *   run.params     {a=, b=, d=, g=, c=}
 *   run.clamped    steps at which U was held within 0..1
 *   run.data       {[id] = {[label] = value}}: the program's `data` lines
 *
 * Plain data only: nothing here points back into the lab.
 */
#include "script/labs.h"

#include <lua.h>

#include "lab/flywheel/lab_flywheel.h"

static void push_state(lua_State *L, size_t t, const FlyState *s)
{
    lua_createtable(L, 0, 4);
    lua_pushinteger(L, (lua_Integer)t);
    lua_setfield(L, -2, "t");
    labs_set_num(L, "users", s->users);
    labs_set_num(L, "libraries", s->libraries);
    labs_set_num(L, "tools", s->tools);
}

static void fill_run(lua_State *L, const Lab *lab)
{
    size_t n;
    const FlyState *series = fly_lab_series(lab, &n);
    const FlyParams *p = fly_lab_params(lab);
    if (!series || !p || n == 0)
        return;
    const FlyState *last = &series[n - 1];
    lua_pushinteger(L, (lua_Integer)(n - 1));
    lua_setfield(L, -2, "t");
    labs_set_num(L, "users", last->users);
    labs_set_num(L, "libraries", last->libraries);
    labs_set_num(L, "tools", last->tools);
    push_state(L, n - 1, last);
    lua_setfield(L, -2, "final");
    lua_createtable(L, (int)n, 0);
    for (size_t i = 0; i < n; i++) {
        push_state(L, i, &series[i]);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    lua_setfield(L, -2, "series");
    lua_createtable(L, 0, 5);
    labs_set_num(L, "a", p->a);
    labs_set_num(L, "b", p->b);
    labs_set_num(L, "d", p->d);
    labs_set_num(L, "g", p->g);
    labs_set_num(L, "c", p->c);
    lua_setfield(L, -2, "params");
    lua_pushinteger(L, (lua_Integer)fly_lab_clamped(lab));
    lua_setfield(L, -2, "clamped");
    size_t nd;
    const FlyDatum *d = fly_lab_data(lab, &nd);
    lua_newtable(L);
    for (size_t i = 0; i < nd; i++) {
        if (lua_getfield(L, -1, d[i].id) != LUA_TTABLE) {
            lua_pop(L, 1);
            lua_newtable(L);
            lua_pushvalue(L, -1);
            lua_setfield(L, -3, d[i].id);
        }
        labs_set_num(L, d[i].label, d[i].value);
        lua_pop(L, 1);
    }
    lua_setfield(L, -2, "data");
}

const LabBinding lab_flywheel_binding = {
    .name = "flywheel",
    .fill_run = fill_run,
    .open_lib = NULL,
};
