/*
 * set_algebra: intersection, difference, symmetric difference and the
 * subset tests of sets, as setobject.c walks them.  The walk decides the
 * order keys enter the result, and so the order it prints: intersection
 * walks the smaller set, difference walks so unless it is four times the
 * size of other, symmetric difference starts from a copy of *other*.
 */
#include "pyrun/builtins.h"
#include "pyrun/types/types.h"

#define S (I->sim)

static bool is_anyset(PyRun *I, SimId v) { return sim_kind(S, v) == SK_SET; }

/* Calls fn(I, ctx, key, hash) for each key of a set (its table) or of any
 * iterable (hashed as it comes); fn returns 1 to go on, 0 to stop, -1 on
 * error.  Returns the last answer: 1 when every key was seen. */
typedef int (*KeyFn)(PyRun *I, void *ctx, SimId key, uint64_t hash);

static int each_key(PyRun *I, SimId src, KeyFn fn, void *ctx)
{
    if (is_anyset(I, src)) {
        uint32_t pos = 0;
        SimId key;
        uint64_t h;
        int r = 1;
        sim_incref(S, src); /* fn may drop the last other reference */
        while (r == 1 && sim_set_next(S, src, &pos, &key, &h))
            r = fn(I, ctx, key, h);
        sim_decref(S, src);
        return r;
    }
    SimId it = iter_get(I, src), v;
    if (!it)
        return -1;
    int got, r = 1;
    while (r == 1 && (got = iter_step(I, it, &v)) > 0) {
        r = py_hashable(I, v) ? fn(I, ctx, v, sim_hash(S, v)) : -1;
        sim_decref(S, v);
    }
    sim_decref(S, it);
    return r == 1 && got < 0 ? -1 : r;
}

typedef struct Pair {
    SimId in, out; /* the set asked, the set built */
} Pair;

static int add_if_in(PyRun *I, void *ctx, SimId key, uint64_t h)
{
    Pair *p = ctx;
    if (sim_set_contains(S, p->in, key)) {
        sim_incref(S, key);
        sim_set_add_hash(S, p->out, key, h);
    }
    return 1;
}

static int add_if_not_in(PyRun *I, void *ctx, SimId key, uint64_t h)
{
    Pair *p = ctx;
    bool in = sim_kind(S, p->in) == SK_DICT ? sim_dict_get(S, p->in, key) != 0 : sim_set_contains(S, p->in, key);
    if (!in) {
        sim_incref(S, key);
        sim_set_add_hash(S, p->out, key, h);
    }
    return 1;
}

/* set_intersection: the smaller set walked, each key the larger holds added */
SimId set_intersection(PyRun *I, SimId so, SimId other)
{
    if (so == other)
        return set_copy_of(I, so);
    Pair p = {so, set_new_like(I, so)};
    if (is_anyset(I, other) && sim_obj(S, other)->len > sim_obj(S, so)->len)
        p.in = other, other = so;
    if (each_key(I, other, add_if_in, &p) < 0) {
        sim_decref(S, p.out);
        return 0;
    }
    return p.out;
}

/* set_intersection_multi: so copied, or intersected with each in turn */
SimId set_intersection_multi(PyRun *I, SimId so, SimId *others, int n)
{
    if (n == 0)
        return set_copy_of(I, so);
    SimId r = so;
    sim_incref(S, r);
    for (int i = 0; i < n; i++) {
        SimId next = set_intersection(I, r, others[i]);
        sim_decref(S, r);
        if (!next)
            return 0;
        r = next;
    }
    return r;
}

static int discard_key(PyRun *I, void *ctx, SimId key, uint64_t h)
{
    (void)h;
    sim_set_discard(S, *(SimId *)ctx, key);
    return 1;
}

/* set_difference_update_internal: each key of other discarded (a dummy
 * left in its slot); other eight times so's size is first cut down to
 * their intersection */
bool set_difference_update(PyRun *I, SimId so, SimId other)
{
    if (so == other) {
        sim_set_clear(S, so);
        return true;
    }
    bool cut = is_anyset(I, other) && (sim_obj(S, other)->len >> 3) > sim_obj(S, so)->len;
    if (cut && !(other = set_intersection(I, so, other)))
        return false;
    int r = each_key(I, other, discard_key, &so);
    if (cut)
        sim_decref(S, other);
    return r >= 0;
}

/* set_difference: so walked for the keys other lacks, unless other is no
 * set or dict, or so is over four times its size: then so is copied and
 * other's keys discarded */
SimId set_difference(PyRun *I, SimId so, SimId other)
{
    SimKind k = sim_kind(S, other);
    if ((k != SK_SET && k != SK_DICT) || (sim_obj(S, so)->len >> 2) > sim_obj(S, other)->len) {
        SimId r = set_copy_of(I, so);
        if (!set_difference_update(I, r, other)) {
            sim_decref(S, r);
            return 0;
        }
        return r;
    }
    Pair p = {other, set_new_like(I, so)};
    each_key(I, so, add_if_not_in, &p);
    return p.out;
}

static int toggle_key(PyRun *I, void *ctx, SimId key, uint64_t h)
{
    SimId so = *(SimId *)ctx;
    if (!sim_set_discard(S, so, key)) {
        sim_incref(S, key);
        sim_set_add_hash(S, so, key, h);
    }
    return 1;
}

/* set_symmetric_difference_update: each key of other (a dict's keys as
 * they are, anything else made a set first) removed when so has it, else
 * added */
bool set_symmetric_difference_update(PyRun *I, SimId so, SimId other)
{
    if (so == other) {
        sim_set_clear(S, so);
        return true;
    }
    if (sim_kind(S, other) == SK_DICT) {
        uint32_t pos = 0;
        SimId key, val;
        while (sim_dict_next(S, other, &pos, &key, &val)) {
            sim_incref(S, key);
            toggle_key(I, &so, key, sim_hash(S, key));
            sim_decref(S, key);
        }
        return true;
    }
    SimId o = other;
    if (!is_anyset(I, other)) {
        o = set_new_like(I, so);
        if (!set_update(I, o, other)) {
            sim_decref(S, o);
            return false;
        }
    }
    int r = each_key(I, o, toggle_key, &so);
    if (o != other)
        sim_decref(S, o);
    return r >= 0;
}

/* set_symmetric_difference: a set of so's type made from other, then
 * updated with so */
SimId set_symmetric_difference(PyRun *I, SimId so, SimId other)
{
    SimId r = set_new_like(I, so);
    if (!set_update(I, r, other) || !set_symmetric_difference_update(I, r, so)) {
        sim_decref(S, r);
        return 0;
    }
    return r;
}

static int stop_if_not_in(PyRun *I, void *ctx, SimId key, uint64_t h)
{
    (void)h;
    return sim_set_contains(S, *(SimId *)ctx, key) ? 1 : 0;
}

static int stop_if_in(PyRun *I, void *ctx, SimId key, uint64_t h)
{
    (void)h;
    return sim_set_contains(S, *(SimId *)ctx, key) ? 0 : 1;
}

/* set_issubset: other made a set first when it is not one */
int set_issubset(PyRun *I, SimId so, SimId other)
{
    if (!is_anyset(I, other)) {
        SimId tmp = sim_set(S);
        if (!set_update(I, tmp, other)) {
            sim_decref(S, tmp);
            return -1;
        }
        int r = set_issubset(I, so, tmp);
        sim_decref(S, tmp);
        return r;
    }
    if (sim_obj(S, so)->len > sim_obj(S, other)->len)
        return 0;
    return each_key(I, so, stop_if_not_in, &other);
}

int set_issuperset(PyRun *I, SimId so, SimId other)
{
    if (is_anyset(I, other))
        return set_issubset(I, other, so);
    return each_key(I, other, stop_if_not_in, &so);
}

/* set_isdisjoint: the smaller of two sets walked, or other's keys */
int set_isdisjoint(PyRun *I, SimId so, SimId other)
{
    if (so == other)
        return sim_obj(S, so)->len == 0;
    if (is_anyset(I, other) && sim_obj(S, other)->len > sim_obj(S, so)->len) {
        SimId t = so;
        so = other, other = t;
    }
    return each_key(I, other, stop_if_in, &so);
}

/* set_or, set_and, set_sub, set_xor; set_ior and the other in-place forms
 * change a set (a frozenset gets a new one, as CPython falls back) */
SimId set_binary(PyRun *I, int op, SimId a, SimId b, bool inplace)
{
    if (inplace && !set_is_frozen(I, a)) {
        bool ok;
        if (op == OP_BITOR) {
            ok = set_update(I, a, b);
        } else if (op == OP_BITAND) { /* set_intersection_update: the new table swapped in */
            SimId t = set_intersection(I, a, b);
            if ((ok = t != 0)) {
                sim_set_swap(S, a, t);
                sim_decref(S, t);
            }
        } else {
            ok = op == OP_SUB ? set_difference_update(I, a, b) : set_symmetric_difference_update(I, a, b);
        }
        if (!ok)
            return 0;
        sim_incref(S, a);
        return a;
    }
    if (op == OP_BITAND)
        return set_intersection(I, a, b);
    if (op == OP_SUB)
        return set_difference(I, a, b);
    if (op == OP_BITXOR)
        return set_symmetric_difference(I, a, b);
    SimId r = set_copy_of(I, a);
    if (a != b && !set_update(I, r, b)) {
        sim_decref(S, r);
        return 0;
    }
    return r;
}
