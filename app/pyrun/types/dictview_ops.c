/*
 * dictview_ops: `&`, `|`, `-`, `^` with a dict's keys() or items() view on
 * either side (Objects/dictobject.c, dictviews_and/or/sub/xor).  Each makes
 * a new set: from the view (a keys view of a dict is set(dict), with the
 * stored hashes; an items view makes its pairs), then updated by the other
 * operand as the matching set method does; `&` walks the smaller side
 * (_PyDictView_Intersect), or asks a bigger set's intersection().  The
 * values view has none of them (CPython's TypeError), nor has a
 * mappingproxy here (its `|` makes a dict: refused).
 */
#include "pyrun/builtins.h"
#include "pyrun/types/types.h"

#define S (I->sim)

static bool is_setlike_view(PyRun *I, SimId v)
{
    return sim_kind(S, v) == SK_DICTVIEW &&
           (sim_obj(S, v)->sub == SIM_VIEW_KEYS || sim_obj(S, v)->sub == SIM_VIEW_ITEMS);
}

/* dictviews_to_set: set(dict) for a keys view, set(x) otherwise */
static SimId to_set(PyRun *I, SimId x)
{
    if (sim_kind(S, x) == SK_DICTVIEW && sim_obj(S, x)->sub == SIM_VIEW_KEYS)
        x = SIM_V(S, x, SK_DICTVIEW, view.dict);
    SimId r = sim_set(S);
    if (!set_update(I, r, x) || I->ts->err.set) {
        sim_decref(S, r);
        return 0;
    }
    return r;
}

int dictview_contains(PyRun *I, SimId view, SimId item)
{
    SimId d = SIM_V(S, view, SK_DICTVIEW, view.dict);
    if (sim_obj(S, view)->sub == SIM_VIEW_VALUES) { /* no sq_contains: _PySequence_IterSearch */
        SimId it = iter_get(I, view), v;
        if (!it)
            return -1;
        int got, eq = 0;
        while ((got = iter_step(I, it, &v)) > 0) {
            eq = op_equal(I, v, item);
            sim_decref(S, v);
            if (eq != 0)
                break;
        }
        sim_decref(S, it);
        return got < 0 ? -1 : eq;
    }
    if (sim_kind(S, item) != SK_TUPLE || sim_obj(S, item)->len != 2) /* dictitems_contains */
        return 0;
    SimId key = sim_items(S, item)[0];
    if (!py_hashable(I, key))
        return -1;
    SimId found = sim_dict_get(S, d, key);
    if (!found)
        return I->ts->err.set ? -1 : 0;
    sim_incref(S, found);
    int eq = op_equal(I, found, sim_items(S, item)[1]);
    sim_decref(S, found);
    return eq;
}

static int64_t view_len(PyRun *I, SimId v) { return sim_obj(S, SIM_V(S, v, SK_DICTVIEW, view.dict))->len; }

/* _PyDictView_Intersect (self: the view; the operands swapped when it
 * stood on the right) */
static SimId intersect(PyRun *I, SimId self, SimId other)
{
    if (!is_setlike_view(I, self)) {
        SimId t = self;
        self = other;
        other = t;
    }
    int64_t len_self = view_len(I, self);
    if (sim_kind(S, other) == SK_SET && sim_obj(S, other)->sub != SIM_SET_FROZEN &&
        len_self <= (int64_t)sim_obj(S, other)->len) /* other.intersection(self) */
        return set_intersection(I, other, self);
    if (is_setlike_view(I, other) && view_len(I, other) > len_self) {
        SimId t = self;
        self = other;
        other = t;
    }
    SimId r = sim_set(S), it = iter_get(I, other), key;
    if (!it) {
        sim_decref(S, r);
        return 0;
    }
    SimId d = SIM_V(S, self, SK_DICTVIEW, view.dict);
    bool items = sim_obj(S, self)->sub == SIM_VIEW_ITEMS;
    int got;
    while ((got = iter_step(I, it, &key)) > 0) {
        I->own_slot = !items; /* PyDict_Contains */
        int in = items ? dictview_contains(I, self, key) : op_contains(I, d, key);
        if (in > 0 && py_hashable(I, key)) {
            sim_incref(S, key);
            sim_set_add(S, r, key);
        }
        sim_decref(S, key);
        if (in < 0 || I->ts->err.set) {
            got = -1;
            break;
        }
    }
    sim_decref(S, it);
    if (got < 0) {
        sim_decref(S, r);
        return 0;
    }
    return r;
}

SimId dictview_binary(PyRun *I, int op, SimId a, SimId b)
{
    if (op == OP_BITAND)
        return intersect(I, a, b);
    if (op == OP_BITXOR && sim_kind(S, a) == SK_DICTVIEW && sim_kind(S, b) == SK_DICTVIEW &&
        sim_obj(S, a)->sub == SIM_VIEW_ITEMS && sim_obj(S, b)->sub == SIM_VIEW_ITEMS)
        return py_not_modelled(I, 0, "'^' between two items views (dictitems_xor)"), (SimId)0;
    SimId r = to_set(I, a);
    if (!r)
        return 0;
    bool ok = op == OP_BITOR ? set_update(I, r, b)
              : op == OP_SUB ? set_difference_update(I, r, b)
                             : set_symmetric_difference_update(I, r, b);
    if (!ok || I->ts->err.set) {
        sim_decref(S, r);
        return 0;
    }
    return r;
}

/* all_contained_in: each item of a found in b */
static int all_in(PyRun *I, SimId a, SimId b)
{
    SimId it = iter_get(I, a), v;
    if (!it)
        return -1;
    int got, in = 1;
    while ((got = iter_step(I, it, &v)) > 0) {
        in = op_contains(I, b, v);
        sim_decref(S, v);
        if (in <= 0)
            break;
    }
    sim_decref(S, it);
    return got < 0 ? -1 : in;
}

int dictview_equal(PyRun *I, SimId a, SimId b)
{
    if (!is_setlike_view(I, a)) {
        SimId t = a;
        a = b;
        b = t;
    }
    if (!is_setlike_view(I, a) || !(sim_kind(S, b) == SK_SET || is_setlike_view(I, b)))
        return -2;
    int64_t lb = sim_kind(S, b) == SK_SET ? (int64_t)sim_obj(S, b)->len : view_len(I, b);
    return view_len(I, a) != lb ? 0 : all_in(I, a, b);
}

bool dictview_setlike(PyRun *I, SimId a, SimId b) { return is_setlike_view(I, a) || is_setlike_view(I, b); }
