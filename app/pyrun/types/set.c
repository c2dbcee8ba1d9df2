/*
 * set: the set and frozenset types' constructors and methods.  Each
 * method is setobject.c's: the same walk over the same table, so that the
 * result's order and size are CPython's (the table itself: sim/set.c;
 * union, intersection and the rest: set_algebra.c).
 */
#include <stdlib.h>
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/types/types.h"

#define S (I->sim)

static bool is_anyset(PyRun *I, SimId v) { return sim_kind(S, v) == SK_SET; }

bool set_is_frozen(PyRun *I, SimId v) { return sim_obj(S, v)->sub == SIM_SET_FROZEN; }

/* make_new_set_basetype: an empty set, or frozenset when like is one */
SimId set_new_like(PyRun *I, SimId like)
{
    SimId st = sim_set(S);
    if (like && set_is_frozen(I, like))
        sim_obj(S, st)->sub = SIM_SET_FROZEN;
    return st;
}

/* set_update_internal: a set is merged (one resize, then its slots), a
 * dict presized and its keys added with their hashes, anything else
 * iterated and added key by key. */
bool set_update(PyRun *I, SimId so, SimId other)
{
    SimKind k = sim_kind(S, other);
    if (k == SK_SET) {
        sim_set_merge(S, so, other);
        return true;
    }
    if (k == SK_DICT && !sim_is_subinst(S, other)) { /* PyDict_CheckExact */
        sim_set_reserve(S, so, sim_obj(S, other)->len);
        uint32_t pos = 0;
        SimId key, val;
        while (sim_dict_next(S, other, &pos, &key, &val)) {
            sim_incref(S, key);
            sim_set_add(S, so, key);
        }
        return true;
    }
    /* A table the budget cannot hold for what other says it will yield:
     * MemoryError before the walk (CPython meets it part way through) */
    bool sized = (k == SK_RANGE || k == SK_LIST || k == SK_TUPLE) && !subinst_overrides_iter(I, other); /* no user code asked */
    int64_t hint = sized ? py_length_hint(I, other, 0) : 0;
    if (hint < 0)
        return false;
    uint64_t slots = 8;
    while (slots < ((uint64_t)1 << 40) && (uint64_t)hint * 5 >= (slots - 1) * 3)
        slots <<= 1;
    if (hint > 50000 && !sim_mem_room(S, slots * 16, slots * 3)) {
        sim_take_nomem(S);
        py_no_memory(I);
        return false;
    }
    SimId it = iter_get(I, other), v;
    if (!it)
        return false;
    int got;
    while ((got = iter_step(I, it, &v)) > 0) {
        if (!py_hashable(I, v)) {
            sim_decref(S, v);
            got = -1;
            break;
        }
        sim_set_add(S, so, v);
    }
    sim_decref(S, it);
    return got == 0;
}

/* set_copy: a new set of so's type holding its keys (set_merge) */
SimId set_copy_of(PyRun *I, SimId so)
{
    SimId r = set_new_like(I, so);
    sim_set_merge(S, r, so);
    return r;
}

/* A new set (or frozenset) of iterable's keys: make_new_set */
static SimId set_from(PyRun *I, SimId iterable, bool frozen)
{
    SimId st = sim_set(S);
    if (frozen)
        sim_obj(S, st)->sub = SIM_SET_FROZEN;
    if (iterable && !set_update(I, st, iterable)) {
        sim_decref(S, st);
        return 0;
    }
    return st;
}

SimId set_lookup_key(PyRun *I, SimId key)
{
    if (sim_kind(S, key) == SK_SET && !set_is_frozen(I, key))
        return set_from(I, key, true); /* set_contains's retry after the TypeError */
    if (!py_hashable(I, key))
        return 0;
    sim_incref(S, key);
    return key;
}

/* frozenset(iterable); an exact frozenset is returned as it is */
SimId frozenset_construct(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (n == 1 && is_anyset(I, a[0]) && set_is_frozen(I, a[0]) && !sim_is_subinst(S, a[0])) {
        sim_incref(S, a[0]);
        return a[0];
    }
    return set_from(I, n ? a[0] : 0, true);
}

SimId set_construct(PyRun *I, SimId *a, int n, SimId kw)
{
    int np = bi_npos(I, n, kw);
    if (!bi_nargs(I, "set", np, 0, 1))
        return 0;
    return set_from(I, np ? a[0] : 0, false);
}

/* ---- methods ------------------------------------------------------------- */

static SimId m_add(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    if (!py_hashable(I, a[1]))
        return 0;
    sim_incref(S, a[1]);
    sim_set_add(S, a[0], a[1]);
    return bi_none(I);
}

static SimId m_discard(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    SimId key = set_lookup_key(I, a[1]);
    if (!key)
        return 0;
    sim_set_discard(S, a[0], key);
    sim_decref(S, key);
    return I->ts->err.set ? 0 : bi_none(I);
}

static SimId m_remove(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    SimId key = set_lookup_key(I, a[1]);
    if (!key)
        return 0;
    bool found = sim_set_discard(S, a[0], key);
    sim_decref(S, key);
    if (!found) {
        if (!I->ts->err.set) /* else a program's __eq__ raised */
            py_raise_key(I, EXC_KeyError, a[1]);
        return 0;
    }
    return bi_none(I);
}

static SimId m_pop(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    if (sim_obj(S, a[0])->len && set_order_refused(I, a[0], "set.pop() on"))
        return 0;
    SimId key = sim_set_pop(S, a[0]);
    if (!key)
        py_raise(I, EXC_KeyError, "pop from an empty set");
    return key;
}

static SimId m_clear(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    sim_set_clear(S, a[0]);
    return bi_none(I);
}

static SimId m_copy(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    if (set_is_frozen(I, a[0]) && !sim_is_subinst(S, a[0])) { /* frozenset_copy: an exact one itself */
        sim_incref(S, a[0]);
        return a[0];
    }
    return set_copy_of(I, a[0]);
}

static SimId m_update(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    for (int i = 1; i < n; i++)
        if (!set_update(I, a[0], a[i]))
            return 0;
    return bi_none(I);
}

/* set_union: a copy of so, then each other merged in (so itself skipped) */
static SimId m_union(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    SimId r = set_copy_of(I, a[0]);
    for (int i = 1; i < n; i++)
        if (a[i] != a[0] && !set_update(I, r, a[i])) {
            sim_decref(S, r);
            return 0;
        }
    return r;
}

static SimId m_intersection(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    return set_intersection_multi(I, a[0], a + 1, n - 1);
}

static SimId m_intersection_update(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    SimId tmp = set_intersection_multi(I, a[0], a + 1, n - 1);
    if (!tmp)
        return 0;
    sim_set_swap(S, a[0], tmp); /* set_swap_bodies */
    sim_decref(S, tmp);
    return bi_none(I);
}

static SimId m_difference(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (n == 1)
        return set_copy_of(I, a[0]);
    SimId r = set_difference(I, a[0], a[1]);
    for (int i = 2; r && i < n; i++)
        if (!set_difference_update(I, r, a[i])) {
            sim_decref(S, r);
            return 0;
        }
    return r;
}

static SimId m_difference_update(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    for (int i = 1; i < n; i++)
        if (!set_difference_update(I, a[0], a[i]))
            return 0;
    return bi_none(I);
}

static SimId m_symmetric_difference(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return set_symmetric_difference(I, a[0], a[1]);
}

static SimId m_symmetric_difference_update(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return set_symmetric_difference_update(I, a[0], a[1]) ? bi_none(I) : 0;
}

static SimId answer(PyRun *I, int r) { return r < 0 ? 0 : sim_bool(S, r); }

static SimId m_issubset(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return answer(I, set_issubset(I, a[0], a[1]));
}

static SimId m_issuperset(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return answer(I, set_issuperset(I, a[0], a[1]));
}

static SimId m_isdisjoint(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return answer(I, set_isdisjoint(I, a[0], a[1]));
}

#define ONE .style = ARGS_ONE
#define NONE .style = ARGS_NONE
#define ANY .style = ARGS_RANGE, .min = 0, .max = -1, .varargs = VA_ALL /* set_update(self, *others) */
const BuiltinDef set_methods[] = {
    BUILTIN("add", SK_SET, 0, m_add, ONE), BUILTIN("discard", SK_SET, 0, m_discard, ONE),
    BUILTIN("remove", SK_SET, 0, m_remove, ONE), BUILTIN("clear", SK_SET, 0, m_clear, NONE),
    BUILTIN("pop", SK_SET, 0, m_pop, NONE), BUILTIN("copy", SK_SET, 0, m_copy, NONE),
    BUILTIN("update", SK_SET, 0, m_update, ANY), BUILTIN("union", SK_SET, 0, m_union, ANY),
    BUILTIN("intersection", SK_SET, 0, m_intersection, ANY),
    BUILTIN("intersection_update", SK_SET, 0, m_intersection_update, ANY),
    BUILTIN("difference", SK_SET, 0, m_difference, ANY),
    BUILTIN("difference_update", SK_SET, 0, m_difference_update, ANY),
    BUILTIN("symmetric_difference", SK_SET, 0, m_symmetric_difference, ONE),
    BUILTIN("symmetric_difference_update", SK_SET, 0, m_symmetric_difference_update, ONE),
    BUILTIN("issubset", SK_SET, 0, m_issubset, ONE), BUILTIN("issuperset", SK_SET, 0, m_issuperset, ONE),
    BUILTIN("isdisjoint", SK_SET, 0, m_isdisjoint, ONE),
};
const int set_nmethods = (int)(sizeof set_methods / sizeof set_methods[0]);

/* The methods a frozenset has too (those that leave the set as it is) */
bool set_method_of_frozenset(const char *name)
{
    static const char *const changing[] = {"__iand__", "__ior__", "__isub__", "__ixor__", "__init__"};
    if (name[0] == '_' && name[1] == '_') { /* the special methods, but those that change the set */
        for (size_t i = 0; i < sizeof changing / sizeof changing[0]; i++)
            if (strcmp(changing[i], name) == 0)
                return false;
        return true;
    }
    static const char *const names[] = {"copy", "difference", "intersection", "isdisjoint",
                                        "issubset", "issuperset", "symmetric_difference", "union"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(names[i], name) == 0)
            return true;
    return false;
}

bool set_order_refused(PyRun *I, SimId set, const char *what)
{
    if (sim_obj(S, set)->len < 2)
        return false;
    uint32_t pos = 0;
    SimId key;
    uint64_t h;
    while (sim_set_next(S, set, &pos, &key, &h))
        if (sim_hash_by_identity(S, key))
            return py_not_modelled(I, 0,
                                   "%s a %s holding '%s' objects (CPython orders them by their addresses, "
                                   "which the model does not reproduce)",
                                   what, set_is_frozen(I, set) ? "frozenset" : "set", op_typename(I, key)),
                   true;
    return false;
}
