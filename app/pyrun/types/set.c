/*
 * set: the set type's behaviour — its methods, constructor, and the
 * presized merge of a constant tuple (SET_UPDATE).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/types/types.h"

#define S (I->sim)

static SimId s_add(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "add", n - 1, 1, 1) || !dict_check_key(I, a[1]))
        return 0;
    sim_incref(S, a[1]);
    sim_set_add(S, a[0], a[1]);
    return bi_none(I);
}

static SimId s_discard(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "discard", n - 1, 1, 1) || !dict_check_key(I, a[1]))
        return 0;
    sim_set_discard(S, a[0], a[1]);
    return bi_none(I);
}

static SimId s_remove(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "remove", n - 1, 1, 1) || !dict_check_key(I, a[1]))
        return 0;
    if (!sim_set_discard(S, a[0], a[1])) {
        if (!I->err.set) /* else a program's __eq__ raised */
            py_raise_key(I, EXC_KeyError, a[1]);
        return 0;
    }
    return bi_none(I);
}

void set_merge(PyRun *I, SimId set, SimId items)
{
    uint32_t n = sim_obj(S, items)->len;
    uint32_t slots = SIM_V(S, set, SK_SET, set.slots) ? SIM_V(S, set, SK_SET, set.slots) : 8;
    if ((size_t)(sim_obj(S, set)->len + n) * 5 >= (size_t)(slots - 1) * 3)
        sim_set_presize(S, set, ((size_t)sim_obj(S, set)->len + n) * 2);
    for (uint32_t i = 0; i < n; i++) {
        SimId v = sim_items(S, items)[i];
        sim_incref(S, v);
        sim_set_add(S, set, v);
    }
}

const BuiltinDef set_methods[] = {
    BUILTIN("add", SK_SET, 0, s_add, .style = ARGS_ONE), BUILTIN("discard", SK_SET, 0, s_discard, .style = ARGS_ONE),
    BUILTIN("remove", SK_SET, 0, s_remove, .style = ARGS_ONE), BUILTIN("clear", SK_SET, 0, meth_clear, .style = ARGS_NONE),
};
const int set_nmethods = (int)(sizeof set_methods / sizeof set_methods[0]);

/* frozenset(iterable): make_new_set and set_update_internal — a set or
 * dict sizes the table once, any other iterable is walked (no list made);
 * a frozenset is returned as it is */
SimId frozenset_construct(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (n == 1 && sim_kind(S, a[0]) == SK_SET && sim_obj(S, a[0])->sub == SIM_SET_FROZEN) {
        sim_incref(S, a[0]);
        return a[0];
    }
    SimId st = sim_set(S);
    sim_obj(S, st)->sub = SIM_SET_FROZEN;
    if (n == 0)
        return st;
    SimKind k = sim_kind(S, a[0]);
    if (k == SK_SET || k == SK_DICT) { /* set_merge / the dict branch: one resize up front */
        uint32_t cnt = sim_obj(S, a[0])->len;
        uint32_t slots = SIM_V(S, st, SK_SET, set.slots) ? SIM_V(S, st, SK_SET, set.slots) : 8;
        if ((size_t)cnt * 5 >= (size_t)(slots - 1) * 3)
            sim_set_presize(S, st, (size_t)cnt * 2);
    }
    SimId it = iter_get(I, a[0]), v;
    if (!it) {
        sim_decref(S, st);
        return 0;
    }
    int got;
    bool hashed = k == SK_SET || k == SK_DICT; /* set_update_internal: the stored hashes, no __hash__ */
    while ((got = iter_step(I, it, &v)) > 0) {
        if (!hashed && !py_hashable(I, v)) {
            sim_decref(S, v);
            got = -1;
            break;
        }
        sim_set_add(S, st, v);
    }
    sim_decref(S, it);
    if (got < 0) {
        sim_decref(S, st);
        return 0;
    }
    return st;
}

SimId set_construct(PyRun *I, SimId *a, int n, SimId kw)
{
    int np = bi_npos(I, n, kw);
    if (!bi_nargs(I, "set", np, 0, 1))
        return 0;
    SimId st = sim_set(S);
    if (!np)
        return st;
    SimId l = bi_list_from(I, a[0]);
    if (!l) {
        sim_decref(S, st);
        return 0;
    }
    bool hashed = sim_kind(S, a[0]) == SK_SET || sim_kind(S, a[0]) == SK_DICT; /* the stored hashes */
    for (uint32_t i = 0; i < sim_obj(S, l)->len; i++) {
        SimId v = sim_items(S, l)[i];
        if (!hashed && !py_hashable(I, v)) {
            sim_decref(S, l), sim_decref(S, st);
            return 0;
        }
        sim_incref(S, v);
        sim_set_add(S, st, v);
    }
    sim_decref(S, l);
    return st;
}
