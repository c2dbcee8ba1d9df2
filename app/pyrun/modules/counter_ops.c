/*
 * counter_ops: what collections.Counter does beyond counting
 * (collections_counter.c): most_common (sorted() by count, largest first,
 * ties in insertion order; heapq.nlargest's paths for an n), elements (the
 * itertools chain CPython returns), the repr (by most_common, or in
 * insertion order when the counts do not order), the multiset operators
 * + - | & (a new Counter of the positive counts), their in-place forms (on
 * the Counter itself, then the non-positive counts dropped), unary + and -,
 * and the comparisons of two Counters (missing counts are zero).  Any
 * other operand gets NotImplemented, as Counter's methods return it, so the
 * caller's dict or TypeError path answers.  All run Python code in
 * CPython: the young count is unsure after them (counter_note).
 */
#include <string.h>

#include "pyrun/interp.h"
#include "pyrun/modules/collections.h"
#include "pyrun/types/types.h"

#define S (I->sim)

static SimId notimpl(PyRun *I)
{
    sim_incref(S, S->notimpl);
    return S->notimpl;
}

/* ---- most_common ----------------------------------------------------------- */

/* operator.itemgetter(1), the sort key */
static SimId itemgetter1(PyRun *I)
{
    for (int i = 0; operator_functions[i].name; i++)
        if (strcmp(operator_functions[i].name, "itemgetter") == 0) {
            SimId one = sim_int(S, 1);
            SimId g = operator_functions[i].fn(I, &one, 1, 0);
            sim_decref(S, one);
            return g;
        }
    return py_not_modelled(I, 0, "Counter.most_common() without operator.itemgetter"), (SimId)0;
}

/* sorted(c.items(), key=itemgetter(1), reverse=True) */
static SimId sorted_items(PyRun *I, SimId c)
{
    sim_incref(S, c);
    SimId view = sim_dictview(S, c, SIM_VIEW_ITEMS);
    SimId l = bi_list_from(I, view);
    sim_decref(S, view);
    SimId key = l ? itemgetter1(I) : 0;
    if (!key) {
        sim_xdecref(S, l);
        return 0;
    }
    bool ok = bi_sort_list(I, l, key, true);
    sim_decref(S, key);
    if (!ok) {
        sim_decref(S, l);
        return 0;
    }
    return l;
}

/* max(c.items(), key=itemgetter(1)): the first of the largest counts */
static SimId largest(PyRun *I, SimId c)
{
    SimId best = 0, k, v;
    uint32_t pos = 0;
    while (sim_dict_next(S, c, &pos, &k, &v)) {
        if (best) {
            SimId gt = op_compare(I, OP_GT, v, sim_items(S, best)[1]);
            int t = gt ? op_truth(I, gt) : -1;
            sim_xdecref(S, gt);
            if (t < 0) {
                sim_decref(S, best);
                return 0;
            }
            if (!t)
                continue;
            sim_decref(S, best);
        }
        best = sim_tuple(S, 2);
        sim_incref(S, k), sim_incref(S, v);
        sim_tuple_set(S, best, 0, k);
        sim_tuple_set(S, best, 1, v);
    }
    SimId l = sim_list(S, best ? 1 : 0); /* [result], or [] */
    if (best)
        sim_items(S, l)[0] = best;
    return l;
}

SimId counter_most_common(PyRun *I, SimId c, SimId nv)
{
    counter_note(I);
    if (!nv || sim_kind(S, nv) == SK_NONE)
        return sorted_items(I, c);
    SimKind k = sim_kind(S, nv);
    if ((k != SK_INT && k != SK_BOOL) || sim_obj(S, nv)->sub == 1)
        return py_not_modelled(I, 0, "Counter.most_common(n) with n a '%s' (heapq.nlargest's paths)",
                               op_typename(I, nv)), (SimId)0;
    int64_t n = sim_obj(S, nv)->v.i, size = sim_obj(S, c)->len;
    if (n == 1) /* heapq.nlargest's short cut: max() */
        return largest(I, c);
    SimId all = sorted_items(I, c); /* n >= size: sorted(...)[:n]; else the same order */
    if (!all)
        return 0;
    int64_t take = n < 0 ? 0 : n < size ? n : size;
    SimId r;
    if (n >= size) { /* a slice: a list of exactly its length */
        r = sim_list(S, (size_t)take);
        for (int64_t i = 0; i < take; i++) {
            SimId it = sim_items(S, all)[i];
            sim_incref(S, it);
            sim_items(S, r)[i] = it;
        }
    } else { /* the heap's result as a comprehension builds it, item by item */
        r = sim_list(S, 0);
        for (int64_t i = 0; i < take; i++) {
            SimId it = sim_items(S, all)[i];
            sim_incref(S, it);
            sim_list_append(S, r, it);
        }
    }
    sim_decref(S, all);
    return r;
}

/* ---- elements ------------------------------------------------------------------- */

static BuiltinFn itertools_fn(const char *name)
{
    for (int i = 0; i < itertools_nfunctions; i++)
        if (strcmp(itertools_functions[i].name, name) == 0)
            return itertools_functions[i].fn;
    return 0;
}

/* chain.from_iterable(starmap(repeat, self.items())) */
SimId counter_elements(PyRun *I, SimId *a, int n, SimId kw)
{
    if (kw && sim_obj(S, kw)->len) {
        size_t len;
        const char *w = sim_str_data(S, sim_items(S, kw)[0], &len);
        py_raise(I, EXC_TypeError, "Counter.elements() got an unexpected keyword argument '%.*s'", (int)len, w);
        return 0;
    }
    if (n != 1) {
        if (n == 0)
            py_raise(I, EXC_TypeError, "Counter.elements() missing 1 required positional argument: 'self'");
        else
            py_raise(I, EXC_TypeError, "Counter.elements() takes 1 positional argument but %d were given", n);
        return 0;
    }
    if (!counter_is(I, a[0]))
        return py_not_modelled(I, 0, "Counter.elements() called on a '%s'", op_typename(I, a[0])), (SimId)0;
    counter_note(I);
    BuiltinFn starmap = itertools_fn("starmap"), from_iterable = itertools_fn("from_iterable");
    if (!starmap || !from_iterable)
        return py_not_modelled(I, 0, "Counter.elements() without itertools"), (SimId)0;
    sim_incref(S, a[0]);
    SimId args[2] = {S->xtypes[SIM_XT_IT_REPEAT], sim_dictview(S, a[0], SIM_VIEW_ITEMS)};
    SimId sm = starmap(I, args, 2, 0);
    sim_decref(S, args[1]);
    if (!sm)
        return 0;
    SimId cargs[2] = {S->xtypes[SIM_XT_IT_CHAIN], sm};
    SimId ch = from_iterable(I, cargs, 2, 0);
    sim_decref(S, sm);
    return ch;
}

/* ---- repr ------------------------------------------------------------------------ */

bool counter_repr(PyRun *I, SimId c, Buf *out)
{
    counter_note(I);
    if (sim_obj(S, c)->len == 0) {
        buf_adds(out, "Counter()");
        return true;
    }
    SimId l = sorted_items(I, c), d;
    if (!l && !py_err_matches(I, EXC_TypeError))
        return false;
    if (!l) { /* the counts do not order: dict(self) */
        py_err_clear(I);
        d = dict_copy(I, c);
    } else {
        d = sim_dict(S);
        for (uint32_t i = 0; i < sim_obj(S, l)->len; i++) {
            SimId p = sim_items(S, l)[i];
            sim_incref(S, sim_items(S, p)[0]), sim_incref(S, sim_items(S, p)[1]);
            sim_dict_set(S, d, sim_items(S, p)[0], sim_items(S, p)[1]);
        }
        sim_decref(S, l);
    }
    buf_adds(out, "Counter(");
    bool ok = op_repr(I, d, out);
    sim_decref(S, d);
    buf_addc(out, ')');
    return ok;
}

/* ---- the multiset operators ------------------------------------------------------ */

/* v > 0 (want 1) or v < 0 (want -1) as a truth value: 1, 0, -1 on error */
static int sign_is(PyRun *I, SimId v, int want)
{
    SimId zero = sim_int(S, 0);
    SimId r = op_compare(I, want > 0 ? OP_GT : OP_LT, v, zero);
    sim_decref(S, zero);
    int t = r ? op_truth(I, r) : -1;
    sim_xdecref(S, r);
    return t;
}

static bool put(PyRun *I, SimId c, SimId k, SimId v) /* steals v */
{
    sim_incref(S, k);
    sim_dict_set(S, c, k, v);
    return !I->ts->err.set;
}

/* other[elem] of a Counter: 0 when missing (a new reference) */
static SimId count_of(PyRun *I, SimId c, SimId k)
{
    SimId v = sim_dict_get(S, c, k);
    if (I->ts->err.set)
        return 0;
    if (v)
        sim_incref(S, v);
    return v ? v : sim_int(S, 0);
}

/* the count a binary operator keeps for elem of a (count) against b's:
 * count + other, count - other, the larger (|) or the smaller (&) */
static SimId combine(PyRun *I, int op, SimId count, SimId other)
{
    if (op == OP_ADD || op == OP_SUB)
        return op_binary(I, op, count, other, false);
    SimId lt = op_compare(I, OP_LT, count, other); /* | keeps the larger, & the smaller */
    int t = lt ? op_truth(I, lt) : -1;
    sim_xdecref(S, lt);
    if (t < 0)
        return 0;
    SimId r = (op == OP_BITOR) == (t == 1) ? other : count;
    sim_incref(S, r);
    return r;
}

static SimId binary_new(PyRun *I, int op, SimId a, SimId b)
{
    SimId r = counter_new(I), k, v;
    uint32_t pos = 0;
    while (sim_dict_next(S, a, &pos, &k, &v)) {
        SimId o = count_of(I, b, k);
        SimId nv = o ? combine(I, op, v, o) : 0;
        sim_xdecref(S, o);
        int keep = nv ? sign_is(I, nv, 1) : -1;
        if (keep <= 0)
            sim_xdecref(S, nv);
        if (keep < 0 || (keep && !put(I, r, k, nv))) {
            sim_decref(S, r);
            return 0;
        }
    }
    if (op == OP_BITAND)
        return r;
    pos = 0;
    while (sim_dict_next(S, b, &pos, &k, &v)) { /* what only b has */
        if (sim_dict_get(S, a, k))
            continue;
        int keep = sign_is(I, v, op == OP_SUB ? -1 : 1);
        if (keep < 0) {
            sim_decref(S, r);
            return 0;
        }
        if (!keep)
            continue;
        SimId nv = v;
        if (op == OP_SUB) {
            SimId zero = sim_int(S, 0);
            nv = op_binary(I, OP_SUB, zero, v, false); /* 0 - count */
            sim_decref(S, zero);
        } else {
            sim_incref(S, nv);
        }
        if (!nv || !put(I, r, k, nv)) {
            sim_decref(S, r);
            return 0;
        }
    }
    return r;
}

/* _keep_positive: the keys whose count is not > 0 deleted */
static bool keep_positive(PyRun *I, SimId c)
{
    SimId drop = sim_list(S, 0), k, v;
    uint32_t pos = 0;
    while (sim_dict_next(S, c, &pos, &k, &v)) {
        int t = sign_is(I, v, 1);
        if (t < 0) {
            sim_decref(S, drop);
            return false;
        }
        if (!t) {
            sim_incref(S, k);
            sim_list_append(S, drop, k);
        }
    }
    for (uint32_t i = 0; i < sim_obj(S, drop)->len; i++)
        sim_dict_del(S, c, sim_items(S, drop)[i]);
    sim_decref(S, drop);
    return true;
}

/* c += other, -=, |=, &=: other's items() (a dict here) folded into c */
static SimId inplace(PyRun *I, int op, SimId c, SimId other)
{
    if (sim_kind(S, other) != SK_DICT) {
        if (sim_kind(S, other) == SK_INSTANCE)
            return py_not_modelled(I, 0, "a Counter's in-place operator with a '%s'", op_typename(I, other)), (SimId)0;
        py_raise(I, EXC_AttributeError, "'%s' object has no attribute 'items'", op_typename(I, other));
        return 0;
    }
    SimId src = op == OP_BITAND ? c : other;
    SimId pairs = sim_dictview(S, (sim_incref(S, src), src), SIM_VIEW_ITEMS);
    SimId l = bi_list_from(I, pairs);
    sim_decref(S, pairs);
    if (!l)
        return 0;
    bool ok = true;
    for (uint32_t i = 0; ok && i < sim_obj(S, l)->len; i++) {
        SimId p = sim_items(S, l)[i], k = sim_items(S, p)[0], v = sim_items(S, p)[1];
        if (op == OP_ADD || op == OP_SUB) { /* self[elem] += count */
            SimId mine = count_of(I, c, k);
            SimId nv = mine ? op_binary(I, op, mine, v, false) : 0;
            sim_xdecref(S, mine);
            ok = nv && put(I, c, k, nv);
            continue;
        }
        /* |=: if other_count > self[elem]; &=: if other[elem] < count (a
         * plain dict's KeyError too); then self[elem] = other's count */
        SimId o = op == OP_BITOR ? count_of(I, c, k) : counter_is(I, other) ? count_of(I, other, k)
                                                                             : op_getitem(I, other, k);
        SimId r = o ? op_compare(I, op == OP_BITOR ? OP_GT : OP_LT, op == OP_BITOR ? v : o, op == OP_BITOR ? o : v) : 0;
        int t = r ? op_truth(I, r) : -1;
        sim_xdecref(S, r);
        if (t > 0) {
            SimId nv = op == OP_BITOR ? v : o;
            sim_incref(S, nv);
            ok = put(I, c, k, nv);
        }
        sim_xdecref(S, o);
        ok = ok && t >= 0;
    }
    sim_decref(S, l);
    if (!ok || !keep_positive(I, c))
        return 0;
    sim_incref(S, c);
    return c;
}

SimId counter_binary(PyRun *I, int op, SimId a, SimId b, bool in_place)
{
    if (op != OP_ADD && op != OP_SUB && op != OP_BITOR && op != OP_BITAND)
        return notimpl(I);
    counter_note(I);
    if (in_place && counter_is(I, a))
        return inplace(I, op, a, b);
    if (!counter_is(I, a) || !counter_is(I, b))
        return notimpl(I);
    return binary_new(I, op, a, b);
}

SimId counter_unary(PyRun *I, int op, SimId a)
{
    if (op != OP_POS && op != OP_NEG)
        return notimpl(I);
    counter_note(I);
    SimId r = counter_new(I), k, v;
    uint32_t pos = 0;
    while (sim_dict_next(S, a, &pos, &k, &v)) {
        int keep = sign_is(I, v, op == OP_POS ? 1 : -1);
        SimId nv = v;
        if (keep > 0 && op == OP_NEG) {
            SimId zero = sim_int(S, 0);
            nv = op_binary(I, OP_SUB, zero, v, false);
            sim_decref(S, zero);
        } else if (keep > 0) {
            sim_incref(S, nv);
        }
        if (keep < 0 || (keep > 0 && (!nv || !put(I, r, k, nv)))) {
            sim_decref(S, r);
            return 0;
        }
    }
    return r;
}

/* ---- comparisons ------------------------------------------------------------------ */

/* all(a[e] OP b[e] for c in (a, b) for e in c): 1, 0, -1 on error */
static int all_counts(PyRun *I, int op, SimId a, SimId b)
{
    SimId both[2] = {a, b}, k, v;
    for (int s = 0; s < 2; s++) {
        uint32_t pos = 0;
        while (sim_dict_next(S, both[s], &pos, &k, &v)) {
            SimId x = count_of(I, a, k), y = x ? count_of(I, b, k) : 0;
            SimId r = y ? op_compare(I, op, x, y) : 0;
            sim_xdecref(S, x), sim_xdecref(S, y);
            int t = r ? op_truth(I, r) : -1;
            sim_xdecref(S, r);
            if (t <= 0)
                return t;
        }
    }
    return 1;
}

SimId counter_compare(PyRun *I, int op, SimId a, SimId b)
{
    if (!counter_is(I, a) || !counter_is(I, b))
        return notimpl(I);
    counter_note(I);
    int r;
    switch (op) {
    case OP_EQ: r = all_counts(I, OP_EQ, a, b); break;
    case OP_NE: r = all_counts(I, OP_EQ, a, b); r = r < 0 ? r : !r; break;
    case OP_LE: case OP_GE: r = all_counts(I, op, a, b); break;
    default: { /* < and >: <= (>=) and != */
        r = all_counts(I, op == OP_LT ? OP_LE : OP_GE, a, b);
        if (r == 1) {
            r = all_counts(I, OP_EQ, a, b);
            r = r < 0 ? r : !r;
        }
    }
    }
    return r < 0 ? 0 : sim_bool(S, r);
}
