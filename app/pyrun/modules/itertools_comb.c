/*
 * itertools_comb: product, permutations, combinations,
 * combinations_with_replacement and groupby.  The combinatoric ones keep a
 * tuple of the pool(s), index arrays from PyMem_Malloc (which their
 * __sizeof__ counts) and one result tuple they update in place while only
 * they hold it, copying it first when the caller kept the last one.
 */
#include "pyrun/builtins.h"
#include "pyrun/modules/itertools.h"
#include "pyrun/types/types.h"

#define S (I->sim)
#define REFS(it) sim_iter_refs(S, it)
#define IDX_MAX 60000 /* index arrays past this are refused (the model's counters) */

enum { C_POOL, C_RESULT };  /* product: C_POOL holds the tuple of pools */

/* PySequence_Tuple */
static SimId seq_tuple(PyRun *I, SimId v)
{
    return tuple_construct(I, &v, 1, 0);
}

static PmPtr index_block(PyRun *I, int64_t n) { return n ? pm_alloc(&S->pm, (size_t)n * 8) : PM_NULL; }

static int64_t getint(PyRun *I, SimId it, uint32_t k) { return sim_iter_int(S, it, k); }
static void setint(PyRun *I, SimId it, uint32_t k, int64_t v) { sim_iter_set_int(S, it, k, v); }

/* The result tuple to update: the held one when only the iterator holds
 * it (re-tracked if a collection untracked it), else a copy that replaces it. */
static SimId own_result(PyRun *I, SimId it)
{
    SimId r = REFS(it)[C_RESULT];
    sim_timing_seen_refcount(S); /* garbage may hold the result until the pin */
    if (sim_refcount(S, r) > 1) {
        uint32_t n = sim_obj(S, r)->len;
        SimId copy = sim_tuple(S, n);
        for (uint32_t i = 0; i < n; i++) {
            sim_incref(S, sim_items(S, r)[i]);
            sim_tuple_set(S, copy, i, sim_items(S, r)[i]);
        }
        REFS(it)[C_RESULT] = copy;
        sim_decref(S, r);
        return copy;
    }
    if (!sim_is_tracked(S, r))
        sim_track(S, r);
    return r;
}

static void set_item(PyRun *I, SimId t, uint32_t i, SimId v)
{
    SimId old = sim_items(S, t)[i];
    sim_incref(S, v);
    sim_tuple_set(S, t, i, v);
    sim_xdecref(S, old);
}

static SimId give(PyRun *I, SimId r)
{
    sim_incref(S, r);
    return r;
}

/* ---- product -------------------------------------------------------------------- */

enum { PR_STOPPED, PR_INDICES };

SimId it_product(PyRun *I, SimId *a, int n, SimId kw)
{
    int nk = kw ? (int)sim_obj(S, kw)->len : 0, nargs = n - nk;
    int64_t repeat = 1;
    SimId rep = bi_kwarg(I, a, n, kw, "repeat");
    if (nk > 1 || (nk == 1 && !rep)) {
        py_raise(I, EXC_TypeError, "product() takes at most 1 keyword argument (%d given)", nk);
        return 0;
    }
    TpArgs t = tp_args(I, a, n, kw);
    if (rep && !bi_int_arg(I, rep, &repeat))
        return tp_args_done(I, &t, 0);
    if (repeat < 0) {
        py_raise(I, EXC_ValueError, "repeat argument cannot be negative");
        return tp_args_done(I, &t, 0);
    }
    if (repeat == 0)
        nargs = 0;
    int64_t npools = (int64_t)nargs * repeat;
    if (npools > IDX_MAX)
        return tp_args_done(I, &t, py_not_modelled(I, 0, "itertools.product() of more than %d pools", IDX_MAX) ? 0 : 0);
    PmPtr block = index_block(I, npools);
    SimId pools = sim_tuple(S, (size_t)npools);
    for (int64_t i = 0; i < nargs; i++) {
        SimId pool = seq_tuple(I, a[i]);
        if (!pool) {
            sim_decref(S, pools);
            if (block)
                pm_free(&S->pm, block);
            return tp_args_done(I, &t, 0);
        }
        sim_tuple_set(S, pools, (size_t)i, pool);
    }
    for (int64_t i = nargs; i < npools; i++) {
        SimId pool = sim_items(S, pools)[i - nargs];
        sim_incref(S, pool);
        sim_tuple_set(S, pools, (size_t)i, pool);
    }
    SimId p = iter_composite(I, SIM_XT_IT_PRODUCT, 2, (uint32_t)(1 + npools), 1, true);
    if (!p) {
        sim_decref(S, pools);
        if (block)
            pm_free(&S->pm, block);
        return tp_args_done(I, &t, 0);
    }
    sim_iter_set_block(S, p, 0, block, (size_t)npools * 8);
    REFS(p)[C_POOL] = pools;
    return tp_args_done(I, &t, p);
}

static SimId product_next(PyRun *I, SimId p)
{
    if (getint(I, p, PR_STOPPED))
        return 0;
    SimId pools = REFS(p)[C_POOL];
    uint32_t npools = sim_obj(S, pools)->len;
    if (!REFS(p)[C_RESULT]) { /* the first tuple: each pool's first element */
        SimId r = sim_tuple(S, npools);
        REFS(p)[C_RESULT] = r;
        for (uint32_t i = 0; i < npools; i++) {
            SimId pool = sim_items(S, pools)[i];
            if (sim_obj(S, pool)->len == 0) {
                setint(I, p, PR_STOPPED, 1);
                return 0;
            }
            set_item(I, r, i, sim_items(S, pool)[0]);
        }
        return give(I, r);
    }
    SimId r = own_result(I, p);
    int64_t i;
    for (i = (int64_t)npools - 1; i >= 0; i--) { /* right to left, rolling over */
        SimId pool = sim_items(S, pools)[i];
        int64_t k = getint(I, p, PR_INDICES + (uint32_t)i) + 1;
        if (k == sim_obj(S, pool)->len) {
            setint(I, p, PR_INDICES + (uint32_t)i, 0);
            set_item(I, r, (uint32_t)i, sim_items(S, pool)[0]);
        } else {
            setint(I, p, PR_INDICES + (uint32_t)i, k);
            set_item(I, r, (uint32_t)i, sim_items(S, pool)[k]);
            break;
        }
    }
    if (i < 0) {
        setint(I, p, PR_STOPPED, 1);
        return 0;
    }
    return give(I, r);
}

/* ---- permutations, combinations, combinations_with_replacement ------------------------ */

enum { CO_R, CO_STOPPED, CO_INDICES }; /* permutations: then the cycles after n indices */

/* The pool and r of (iterable, r): r required (combinations) or None = len */
static SimId pool_and_r(PyRun *I, SimId *a, int n, SimId kw, bool r_optional, int64_t *r)
{
    SimId iterable = itertools_arg(I, a, n, kw, 0, "iterable"), robj = itertools_arg(I, a, n, kw, 1, "r");
    if (!iterable || (!robj && !r_optional)) {
        py_raise(I, EXC_TypeError, "missing required argument '%s' (pos %d)", iterable ? "r" : "iterable",
                 iterable ? 2 : 1);
        return 0;
    }
    if (robj && !(r_optional && sim_kind(S, robj) == SK_NONE) && sim_kind(S, robj) != SK_INT &&
        sim_kind(S, robj) != SK_BOOL) {
        if (r_optional)
            py_raise(I, EXC_TypeError, "Expected int as r");
        else
            py_raise(I, EXC_TypeError, "'%s' object cannot be interpreted as an integer", op_typename(I, robj));
        return 0;
    }
    SimId pool = seq_tuple(I, iterable);
    if (!pool)
        return 0;
    if (robj && sim_kind(S, robj) == SK_INT && sim_obj(S, robj)->sub == 1) { /* PyLong_AsSsize_t */
        py_raise(I, EXC_OverflowError, "Python int too large to convert to C ssize_t");
        sim_decref(S, pool);
        return 0;
    }
    *r = robj && sim_kind(S, robj) != SK_NONE ? sim_obj(S, robj)->v.i : sim_obj(S, pool)->len;
    if (*r < 0) {
        py_raise(I, EXC_ValueError, "r must be non-negative");
        sim_decref(S, pool);
        return 0;
    }
    if (*r > IDX_MAX || sim_obj(S, pool)->len > IDX_MAX) {
        sim_decref(S, pool);
        return py_not_modelled(I, 0, "itertools combinatorics over more than %d items", IDX_MAX), 0;
    }
    return pool;
}

static SimId combinatoric(PyRun *I, SimXType xt, SimId *a, int n, SimId kw)
{
    TpArgs t = tp_args(I, a, n, kw);
    int64_t r;
    bool perm = xt == SIM_XT_IT_PERMUTATIONS;
    SimId pool = pool_and_r(I, a, n, kw, perm, &r);
    if (!pool)
        return tp_args_done(I, &t, 0);
    int64_t len = sim_obj(S, pool)->len, nidx = perm ? len : r;
    PmPtr b0 = index_block(I, nidx), b1 = perm ? index_block(I, r) : PM_NULL;
    SimId c = iter_composite(I, xt, 2, (uint32_t)(2 + nidx + (perm ? r : 0)), perm ? 2 : 1, true);
    if (!c) {
        sim_decref(S, pool);
        if (b0)
            pm_free(&S->pm, b0);
        if (b1)
            pm_free(&S->pm, b1);
        return tp_args_done(I, &t, 0);
    }
    sim_iter_set_block(S, c, 0, b0, (size_t)nidx * 8);
    if (perm)
        sim_iter_set_block(S, c, 1, b1, (size_t)r * 8);
    REFS(c)[C_POOL] = pool;
    setint(I, c, CO_R, r);
    for (int64_t i = 0; i < nidx; i++)
        setint(I, c, CO_INDICES + (uint32_t)i, xt == SIM_XT_IT_CWR ? 0 : i);
    for (int64_t i = 0; perm && i < r; i++)
        setint(I, c, CO_INDICES + (uint32_t)(len + i), len - i);
    bool stopped = xt == SIM_XT_IT_CWR ? len == 0 && r > 0 : r > len;
    setint(I, c, CO_STOPPED, stopped);
    return tp_args_done(I, &t, c);
}

SimId it_permutations(PyRun *I, SimId *a, int n, SimId kw) { return combinatoric(I, SIM_XT_IT_PERMUTATIONS, a, n, kw); }
SimId it_combinations(PyRun *I, SimId *a, int n, SimId kw) { return combinatoric(I, SIM_XT_IT_COMBINATIONS, a, n, kw); }
SimId it_cwr(PyRun *I, SimId *a, int n, SimId kw) { return combinatoric(I, SIM_XT_IT_CWR, a, n, kw); }

#define IDX(c, i) getint(I, c, CO_INDICES + (uint32_t)(i))
#define SET_IDX(c, i, v) setint(I, c, CO_INDICES + (uint32_t)(i), v)

static SimId first_result(PyRun *I, SimId c, int64_t r)
{
    SimId pool = REFS(c)[C_POOL];
    SimId res = sim_tuple(S, (size_t)r);
    REFS(c)[C_RESULT] = res;
    for (int64_t i = 0; i < r; i++)
        set_item(I, res, (uint32_t)i, sim_items(S, pool)[IDX(c, i)]);
    return give(I, res);
}

static SimId combinatoric_next(PyRun *I, SimId c, SimXType xt)
{
    if (getint(I, c, CO_STOPPED))
        return 0;
    SimId pool = REFS(c)[C_POOL];
    int64_t r = getint(I, c, CO_R), n = sim_obj(S, pool)->len, i;
    if (!REFS(c)[C_RESULT])
        return first_result(I, c, r);
    if (xt == SIM_XT_IT_PERMUTATIONS && n == 0)
        goto empty;
    SimId res = own_result(I, c);
    if (xt == SIM_XT_IT_COMBINATIONS) {
        for (i = r - 1; i >= 0 && IDX(c, i) == i + n - r; i--)
            ;
        if (i < 0)
            goto empty;
        SET_IDX(c, i, IDX(c, i) + 1);
        for (int64_t j = i + 1; j < r; j++)
            SET_IDX(c, j, IDX(c, j - 1) + 1);
        for (; i < r; i++)
            set_item(I, res, (uint32_t)i, sim_items(S, pool)[IDX(c, i)]);
    } else if (xt == SIM_XT_IT_CWR) {
        for (i = r - 1; i >= 0 && IDX(c, i) == n - 1; i--)
            ;
        if (i < 0)
            goto empty;
        int64_t index = IDX(c, i) + 1;
        for (; i < r; i++) {
            SET_IDX(c, i, index);
            set_item(I, res, (uint32_t)i, sim_items(S, pool)[index]);
        }
    } else { /* permutations: the cycles follow the n indices */
        for (i = r - 1; i >= 0; i--) {
            int64_t cyc = IDX(c, n + i) - 1;
            SET_IDX(c, n + i, cyc);
            if (cyc == 0) { /* rotate indices[i:] left by one */
                int64_t first = IDX(c, i);
                for (int64_t j = i; j < n - 1; j++)
                    SET_IDX(c, j, IDX(c, j + 1));
                SET_IDX(c, n - 1, first);
                SET_IDX(c, n + i, n - i);
            } else {
                int64_t j = cyc, tmp = IDX(c, i);
                SET_IDX(c, i, IDX(c, n - j));
                SET_IDX(c, n - j, tmp);
                for (int64_t k = i; k < r; k++)
                    set_item(I, res, (uint32_t)k, sim_items(S, pool)[IDX(c, k)]);
                break;
            }
        }
        if (i < 0)
            goto empty;
    }
    return give(I, res);
empty:
    setint(I, c, CO_STOPPED, 1);
    return 0;
}

/* ---- groupby and its _grouper ----------------------------------------------------------- */

enum { GB_IT, GB_KEYFUNC, GB_TGTKEY, GB_CURRKEY, GB_CURRVALUE };
enum { GB_CURRGROUPER }; /* borrowed: the last _grouper made */
enum { GR_PARENT, GR_TGTKEY };

SimId it_groupby(PyRun *I, SimId *a, int n, SimId kw)
{
    TpArgs t = tp_args(I, a, n, kw);
    SimId iterable = itertools_arg(I, a, n, kw, 0, "iterable"), key = itertools_arg(I, a, n, kw, 1, "key");
    if (!iterable) {
        py_raise(I, EXC_TypeError, "groupby() missing required argument 'iterable' (pos 1)");
        return tp_args_done(I, &t, 0);
    }
    SimId g = iter_composite(I, SIM_XT_IT_GROUPBY, 5, 1, 0, true);
    if (!g)
        return tp_args_done(I, &t, 0);
    REFS(g)[GB_KEYFUNC] = key ? key : S->none;
    sim_incref(S, REFS(g)[GB_KEYFUNC]);
    SimId it = iter_get(I, iterable);
    if (!it) {
        sim_decref(S, g);
        return tp_args_done(I, &t, 0);
    }
    REFS(g)[GB_IT] = it;
    return tp_args_done(I, &t, g);
}

/* groupby_step: the next value and its key; 1, 0 at the end, -1 on error */
static int groupby_step(PyRun *I, SimId g)
{
    SimId value = iter_next(I, REFS(g)[GB_IT]);
    if (!value)
        return I->ts->err.set ? -1 : 0;
    SimId key;
    if (sim_kind(S, REFS(g)[GB_KEYFUNC]) == SK_NONE) {
        sim_incref(S, value);
        key = value;
    } else {
        key = vm_call(I, REFS(g)[GB_KEYFUNC], &value, 1);
        if (!key) {
            sim_decref(S, value);
            return -1;
        }
    }
    SimId oldvalue = REFS(g)[GB_CURRVALUE], oldkey = REFS(g)[GB_CURRKEY];
    REFS(g)[GB_CURRVALUE] = value;
    REFS(g)[GB_CURRKEY] = key;
    sim_xdecref(S, oldkey);
    sim_xdecref(S, oldvalue);
    return 1;
}

static SimId groupby_next(PyRun *I, SimId g)
{
    setint(I, g, GB_CURRGROUPER, 0);
    for (;;) { /* to the next group */
        if (!REFS(g)[GB_CURRKEY]) {
            /* the first step */
        } else if (!REFS(g)[GB_TGTKEY]) {
            break;
        } else {
            int eq = op_equal(I, REFS(g)[GB_TGTKEY], REFS(g)[GB_CURRKEY]);
            if (eq < 0)
                return 0;
            if (eq == 0)
                break;
        }
        if (groupby_step(I, g) <= 0)
            return 0;
    }
    SimId key = REFS(g)[GB_CURRKEY], old = REFS(g)[GB_TGTKEY];
    sim_incref(S, key);
    REFS(g)[GB_TGTKEY] = key;
    sim_xdecref(S, old);
    SimId gr = iter_composite(I, SIM_XT_IT_GROUPER, 2, 0, 0, false); /* PyObject_GC_New */
    if (!gr)
        return 0;
    sim_incref(S, g);
    sim_incref(S, key);
    REFS(gr)[GR_PARENT] = g;
    REFS(gr)[GR_TGTKEY] = key;
    setint(I, g, GB_CURRGROUPER, gr);
    sim_track(S, gr);
    SimId r = sim_tuple(S, 2); /* PyTuple_Pack(2, currkey, grouper) */
    sim_incref(S, REFS(g)[GB_CURRKEY]);
    sim_tuple_set(S, r, 0, REFS(g)[GB_CURRKEY]);
    sim_incref(S, gr);
    sim_tuple_set(S, r, 1, gr);
    sim_decref(S, gr);
    return r;
}

static SimId grouper_next(PyRun *I, SimId gr)
{
    SimId g = REFS(gr)[GR_PARENT];
    if ((SimId)getint(I, g, GB_CURRGROUPER) != gr)
        return 0;
    if (!REFS(g)[GB_CURRVALUE] && groupby_step(I, g) <= 0)
        return 0;
    int eq = op_equal(I, REFS(gr)[GR_TGTKEY], REFS(g)[GB_CURRKEY]);
    if (eq <= 0)
        return 0;
    SimId r = REFS(g)[GB_CURRVALUE];
    REFS(g)[GB_CURRVALUE] = 0;
    return r;
}

SimId itertools_comb_next(PyRun *I, SimId it, SimXType xt)
{
    switch (xt) {
    case SIM_XT_IT_PRODUCT: return product_next(I, it);
    case SIM_XT_IT_PERMUTATIONS: case SIM_XT_IT_COMBINATIONS: case SIM_XT_IT_CWR:
        return combinatoric_next(I, it, xt);
    case SIM_XT_IT_GROUPBY: return groupby_next(I, it);
    case SIM_XT_IT_GROUPER: return grouper_next(I, it);
    default:
        return py_not_modelled(I, 0, "the iterator %s", sim_type_obj_name(S, S->xtypes[xt])), 0;
    }
}
