/*
 * itertools_fn: the itertools objects that walk one iterator with a
 * function or a second iterator — accumulate, starmap, takewhile,
 * dropwhile, filterfalse, compress — and zip_longest and pairwise, with
 * the result tuples zip_longest (and 3.13's pairwise) reuse.
 */
#include "pyrun/builtins.h"
#include "pyrun/modules/itertools.h"
#include "pyrun/types/types.h"

#define S (I->sim)
#define REFS(it) sim_iter_refs(S, it)

/* ---- accumulate and starmap ------------------------------------------------------ */

enum { ACC_BINOP, ACC_IT, ACC_TOTAL, ACC_INITIAL };

SimId it_accumulate(PyRun *I, SimId *a, int n, SimId kw)
{
    TpArgs t = tp_args(I, a, n, kw);
    SimId iterable = itertools_arg(I, a, n, kw, 0, "iterable"), func = itertools_arg(I, a, n, kw, 1, "func");
    SimId initial = bi_kwarg(I, a, n, kw, "initial");
    if (!iterable) {
        py_raise(I, EXC_TypeError, "accumulate() missing required argument 'iterable' (pos 1)");
        return tp_args_done(I, &t, 0);
    }
    SimId it = iter_get(I, iterable);
    if (!it)
        return tp_args_done(I, &t, 0);
    SimId c = iter_composite(I, SIM_XT_IT_ACCUMULATE, 4, 0, 0, true);
    if (!c) {
        sim_decref(S, it);
        return tp_args_done(I, &t, 0);
    }
    if (func && sim_kind(S, func) != SK_NONE) {
        sim_incref(S, func);
        REFS(c)[ACC_BINOP] = func;
    }
    REFS(c)[ACC_IT] = it;
    REFS(c)[ACC_INITIAL] = initial ? initial : S->none;
    sim_incref(S, REFS(c)[ACC_INITIAL]);
    return tp_args_done(I, &t, c);
}

static SimId accumulate_next(PyRun *I, SimId c)
{
    if (sim_kind(S, REFS(c)[ACC_INITIAL]) != SK_NONE) { /* the initial value comes first */
        REFS(c)[ACC_TOTAL] = REFS(c)[ACC_INITIAL];
        REFS(c)[ACC_INITIAL] = sim_none(S);
        sim_incref(S, REFS(c)[ACC_TOTAL]);
        return REFS(c)[ACC_TOTAL];
    }
    SimId val = iter_next(I, REFS(c)[ACC_IT]);
    if (!val)
        return 0;
    if (!REFS(c)[ACC_TOTAL]) {
        sim_incref(S, val);
        REFS(c)[ACC_TOTAL] = val;
        return val;
    }
    SimId total;
    if (!REFS(c)[ACC_BINOP]) {
        total = op_binary(I, OP_ADD, REFS(c)[ACC_TOTAL], val, false);
    } else {
        SimId args[2] = {REFS(c)[ACC_TOTAL], val};
        total = vm_call(I, REFS(c)[ACC_BINOP], args, 2);
    }
    sim_decref(S, val);
    if (!total)
        return 0;
    SimId old = REFS(c)[ACC_TOTAL];
    REFS(c)[ACC_TOTAL] = total;
    sim_decref(S, old);
    sim_incref(S, total);
    return total;
}

/* func and an iterator: starmap, takewhile, dropwhile, filterfalse */
enum { FN_FUNC, FN_IT };

static SimId func_and_iter(PyRun *I, SimXType xt, SimId *a, int n, SimId kw)
{
    TpArgs t = tp_args(I, a, n, kw);
    SimId it = iter_get(I, a[1]);
    if (!it)
        return tp_args_done(I, &t, 0);
    SimId c = iter_composite(I, xt, 2, 1, 0, true);
    if (!c) {
        sim_decref(S, it);
        return tp_args_done(I, &t, 0);
    }
    sim_incref(S, a[0]);
    REFS(c)[FN_FUNC] = a[0];
    REFS(c)[FN_IT] = it;
    return tp_args_done(I, &t, c);
}

SimId it_starmap(PyRun *I, SimId *a, int n, SimId kw) { return func_and_iter(I, SIM_XT_IT_STARMAP, a, n, kw); }
SimId it_takewhile(PyRun *I, SimId *a, int n, SimId kw) { return func_and_iter(I, SIM_XT_IT_TAKEWHILE, a, n, kw); }
SimId it_dropwhile(PyRun *I, SimId *a, int n, SimId kw) { return func_and_iter(I, SIM_XT_IT_DROPWHILE, a, n, kw); }
SimId it_filterfalse(PyRun *I, SimId *a, int n, SimId kw) { return func_and_iter(I, SIM_XT_IT_FILTERFALSE, a, n, kw); }

static SimId starmap_next(PyRun *I, SimId c)
{
    SimId args = iter_next(I, REFS(c)[FN_IT]);
    if (!args)
        return 0;
    if (sim_kind(S, args) != SK_TUPLE) { /* PySequence_Tuple */
        SimId targs[1] = {args};
        SimId tup = tuple_construct(I, targs, 1, 0);
        sim_decref(S, args);
        if (!tup)
            return 0;
        args = tup;
    }
    SimId r = vm_call(I, REFS(c)[FN_FUNC], sim_items(S, args), (int)sim_obj(S, args)->len);
    sim_decref(S, args);
    return r;
}

/* the predicate's verdict on item: 1, 0, or -1 with the error set */
static int predicate(PyRun *I, SimId fn, SimId item, bool none_is_truth)
{
    if (none_is_truth && (sim_kind(S, fn) == SK_NONE || fn == S->types[SK_BOOL]))
        return op_truth(I, item);
    SimId good = vm_call(I, fn, &item, 1);
    if (!good)
        return -1;
    int ok = op_truth(I, good);
    sim_decref(S, good);
    return ok;
}

static SimId takewhile_next(PyRun *I, SimId c)
{
    if (sim_iter_int(S, c, 0))
        return 0;
    SimId item = iter_next(I, REFS(c)[FN_IT]);
    if (!item)
        return 0;
    int ok = predicate(I, REFS(c)[FN_FUNC], item, false);
    if (ok > 0)
        return item;
    sim_decref(S, item);
    if (ok == 0)
        sim_iter_set_int(S, c, 0, 1);
    return 0;
}

static SimId dropwhile_next(PyRun *I, SimId c)
{
    for (;;) {
        SimId item = iter_next(I, REFS(c)[FN_IT]);
        if (!item)
            return 0;
        if (sim_iter_int(S, c, 0))
            return item;
        int ok = predicate(I, REFS(c)[FN_FUNC], item, false);
        if (ok == 0) {
            sim_iter_set_int(S, c, 0, 1);
            return item;
        }
        sim_decref(S, item);
        if (ok < 0)
            return 0;
    }
}

static SimId filterfalse_next(PyRun *I, SimId c)
{
    for (;;) {
        SimId item = iter_next(I, REFS(c)[FN_IT]);
        if (!item)
            return 0;
        int ok = predicate(I, REFS(c)[FN_FUNC], item, true);
        if (ok == 0)
            return item;
        sim_decref(S, item);
        if (ok < 0)
            return 0;
    }
}

/* ---- compress, zip_longest, pairwise ------------------------------------------------ */

enum { CMP_DATA, CMP_SELECTORS };

SimId it_compress(PyRun *I, SimId *a, int n, SimId kw)
{
    TpArgs t = tp_args(I, a, n, kw);
    SimId data = itertools_arg(I, a, n, kw, 0, "data"), sel = itertools_arg(I, a, n, kw, 1, "selectors");
    if (!data || !sel) {
        py_raise(I, EXC_TypeError, "compress() missing required argument '%s' (pos %d)", data ? "selectors" : "data",
                 data ? 2 : 1);
        return tp_args_done(I, &t, 0);
    }
    SimId d = iter_get(I, data);
    SimId s = d ? iter_get(I, sel) : 0;
    SimId c = s ? iter_composite(I, SIM_XT_IT_COMPRESS, 2, 0, 0, true) : 0;
    if (!c) {
        sim_xdecref(S, d);
        sim_xdecref(S, s);
        return tp_args_done(I, &t, 0);
    }
    REFS(c)[CMP_DATA] = d;
    REFS(c)[CMP_SELECTORS] = s;
    return tp_args_done(I, &t, c);
}

static SimId compress_next(PyRun *I, SimId c)
{
    for (;;) {
        SimId datum = iter_next(I, REFS(c)[CMP_DATA]);
        if (!datum)
            return 0;
        SimId selector = iter_next(I, REFS(c)[CMP_SELECTORS]);
        if (!selector) {
            sim_decref(S, datum);
            return 0;
        }
        int ok = op_truth(I, selector);
        sim_decref(S, selector);
        if (ok > 0)
            return datum;
        sim_decref(S, datum);
        if (ok < 0)
            return 0;
    }
}

enum { ZL_ITERS, ZL_RESULT, ZL_FILL };
enum { ZL_ACTIVE };

SimId it_zip_longest(PyRun *I, SimId *a, int n, SimId kw)
{
    int nk = kw ? (int)sim_obj(S, kw)->len : 0, np = n - nk;
    SimId fill = bi_kwarg(I, a, n, kw, "fillvalue");
    if (nk > 1 || (nk == 1 && !fill)) {
        py_raise(I, EXC_TypeError, "zip_longest() got an unexpected keyword argument");
        return 0;
    }
    TpArgs t = tp_args(I, a, n, kw);
    SimId iters = sim_tuple(S, (size_t)np);
    for (int i = 0; i < np; i++) {
        SimId it = iter_get(I, a[i]);
        if (!it) {
            sim_decref(S, iters);
            return tp_args_done(I, &t, 0);
        }
        sim_tuple_set(S, iters, (size_t)i, it);
    }
    SimId result = iter_nones(I, (size_t)np);
    SimId z = iter_composite(I, SIM_XT_IT_ZIP_LONGEST, 3, 1, 0, true);
    if (!z) {
        sim_decref(S, iters);
        sim_decref(S, result);
        return tp_args_done(I, &t, 0);
    }
    REFS(z)[ZL_ITERS] = iters;
    REFS(z)[ZL_RESULT] = result;
    REFS(z)[ZL_FILL] = fill ? fill : S->none;
    sim_incref(S, REFS(z)[ZL_FILL]);
    sim_iter_set_int(S, z, ZL_ACTIVE, np);
    return tp_args_done(I, &t, z);
}

static SimId zip_longest_next(PyRun *I, SimId z)
{
    SimId iters = REFS(z)[ZL_ITERS];
    uint32_t n = sim_obj(S, iters)->len;
    if (n == 0 || sim_iter_int(S, z, ZL_ACTIVE) == 0)
        return 0;
    bool reused;
    SimId r = iter_reuse_result(I, REFS(z)[ZL_RESULT], n, &reused);
    for (uint32_t i = 0; i < n; i++) {
        SimId it = sim_items(S, iters)[i], item;
        if (!it) {
            item = REFS(z)[ZL_FILL];
            sim_incref(S, item);
        } else {
            uint64_t mark = I->nraised;
            item = iter_next(I, it);
            if (!item) {
                int64_t active = sim_iter_int(S, z, ZL_ACTIVE) - 1;
                sim_iter_set_int(S, z, ZL_ACTIVE, active);
                if (active == 0 || (I->ts->err.set && (I->nraised != mark || I->refused))) {
                    sim_iter_set_int(S, z, ZL_ACTIVE, 0);
                    sim_decref(S, r);
                    return 0;
                }
                item = REFS(z)[ZL_FILL];
                sim_incref(S, item);
                sim_items(S, iters)[i] = 0; /* PyTuple_SET_ITEM(ittuple, i, NULL) */
                sim_decref(S, it);
            }
        }
        SimId old = sim_items(S, r)[i];
        sim_tuple_set(S, r, i, item);
        sim_xdecref(S, old);
    }
    if (reused && !sim_is_tracked(S, r))
        sim_track(S, r);
    return r;
}

enum { PW_IT, PW_OLD, PW_RESULT };

SimId it_pairwise(PyRun *I, SimId *a, int n, SimId kw)
{
    TpArgs t = tp_args(I, a, n, kw);
    SimId it = iter_get(I, a[0]);
    if (!it)
        return tp_args_done(I, &t, 0);
    bool v313 = S->prof->version >= SIM_V313; /* 3.13 reuses a result tuple */
    SimId p = iter_composite(I, SIM_XT_IT_PAIRWISE, v313 ? 3 : 2, 0, 0, true);
    if (!p) {
        sim_decref(S, it);
        return tp_args_done(I, &t, 0);
    }
    REFS(p)[PW_IT] = it;
    if (v313) {
        SimId result = iter_nones(I, 2);
        REFS(p)[PW_RESULT] = result;
    }
    return tp_args_done(I, &t, p);
}

static SimId pairwise_next(PyRun *I, SimId p)
{
    SimId it = REFS(p)[PW_IT];
    if (!it)
        return 0;
    SimId old = REFS(p)[PW_OLD];
    if (!old) {
        old = iter_next(I, it);
        REFS(p)[PW_OLD] = old;
        if (!old) {
            REFS(p)[PW_IT] = 0;
            sim_decref(S, it);
            return 0;
        }
    }
    sim_incref(S, old); /* held while the next item is fetched */
    SimId new = iter_next(I, it);
    if (!new) {
        REFS(p)[PW_IT] = 0;
        sim_decref(S, it);
        SimId o = REFS(p)[PW_OLD];
        REFS(p)[PW_OLD] = 0;
        sim_xdecref(S, o);
        sim_decref(S, old);
        return 0;
    }
    bool reused = false;
    SimId r = sim_obj(S, p)->len > PW_RESULT ? iter_reuse_result(I, REFS(p)[PW_RESULT], 2, &reused) : sim_tuple(S, 2);
    SimId o0 = reused ? sim_items(S, r)[0] : 0, o1 = reused ? sim_items(S, r)[1] : 0;
    sim_incref(S, old);
    sim_incref(S, new);
    sim_tuple_set(S, r, 0, old);
    sim_tuple_set(S, r, 1, new);
    sim_xdecref(S, o0);
    sim_xdecref(S, o1);
    if (reused && !sim_is_tracked(S, r))
        sim_track(S, r);
    SimId prev = REFS(p)[PW_OLD];
    REFS(p)[PW_OLD] = new; /* Py_XSETREF(po->old, new) */
    sim_xdecref(S, prev);
    sim_decref(S, old);
    return r;
}

static SimId tee_next(PyRun *I, SimId t);

SimId itertools_fn_next(PyRun *I, SimId it, SimXType xt)
{
    switch (xt) {
    case SIM_XT_IT_ACCUMULATE: return accumulate_next(I, it);
    case SIM_XT_IT_STARMAP: return starmap_next(I, it);
    case SIM_XT_IT_TAKEWHILE: return takewhile_next(I, it);
    case SIM_XT_IT_DROPWHILE: return dropwhile_next(I, it);
    case SIM_XT_IT_FILTERFALSE: return filterfalse_next(I, it);
    case SIM_XT_IT_COMPRESS: return compress_next(I, it);
    case SIM_XT_IT_ZIP_LONGEST: return zip_longest_next(I, it);
    case SIM_XT_IT_PAIRWISE: return pairwise_next(I, it);
    case SIM_XT_IT_TEE: return tee_next(I, it);
    default: return itertools_comb_next(I, it, xt);
    }
}

/* ---- tee ------------------------------------------------------------------------------
 * Each _tee walks a chain of _tee_dataobjects that hold 57 values each and
 * the shared iterator; the first _tee to reach a value fetches it. */
#define LINKCELLS 57
enum { TD_IT, TD_VALUES, TD_NEXTLINK = TD_VALUES + LINKCELLS, TD_NREFS };
enum { TD_NUMREAD, TD_RUNNING };
enum { TEE_DATA };
enum { TEE_INDEX };

static SimId teedata_new(PyRun *I, SimId it)
{
    SimId d = iter_composite(I, SIM_XT_IT_TEEDATA, TD_NREFS, 2, 0, false); /* PyObject_GC_New */
    if (!d)
        return 0;
    sim_incref(S, it);
    REFS(d)[TD_IT] = it;
    sim_track(S, d);
    return d;
}

static SimId tee_new(PyRun *I, SimId data, int64_t index)
{
    SimId t = iter_composite(I, SIM_XT_IT_TEE, 1, 1, 0, false);
    if (!t)
        return 0;
    sim_incref(S, data);
    REFS(t)[TEE_DATA] = data;
    sim_iter_set_int(S, t, TEE_INDEX, index);
    sim_track(S, t);
    return t;
}

SimId it_tee(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    int64_t count = 2;
    if (n > 1 && !bi_int_arg(I, a[1], &count))
        return 0;
    if (count < 0) {
        py_raise(I, EXC_ValueError, "n must be >= 0");
        return 0;
    }
    SimId result = sim_tuple(S, (size_t)count);
    if (count == 0)
        return result;
    SimId it = iter_get(I, a[0]);
    if (!it) {
        sim_decref(S, result);
        return 0;
    }
    SimId first;
    if (sim_xtype_of(S, it) == SIM_XT_IT_TEE) { /* it has __copy__ */
        first = it;
    } else { /* tee_fromiterable */
        SimId data = teedata_new(I, it);
        first = data ? tee_new(I, data, 0) : 0;
        sim_xdecref(S, data);
        sim_decref(S, it);
        if (!first) {
            sim_decref(S, result);
            return 0;
        }
    }
    sim_incref(S, first);
    SimId copyfunc = sim_builtin(S, 0, first); /* the bound __copy__ */
    sim_tuple_set(S, result, 0, first);
    for (int64_t i = 1; i < count; i++) {
        SimId c = tee_new(I, REFS(first)[TEE_DATA], sim_iter_int(S, first, TEE_INDEX));
        if (!c) {
            sim_decref(S, copyfunc);
            sim_decref(S, result);
            return 0;
        }
        sim_tuple_set(S, result, (size_t)i, c);
    }
    sim_decref(S, copyfunc);
    return result;
}

static SimId tee_next(PyRun *I, SimId t)
{
    SimId data = REFS(t)[TEE_DATA];
    int64_t index = sim_iter_int(S, t, TEE_INDEX);
    if (index >= LINKCELLS) { /* teedataobject_jumplink */
        if (!REFS(data)[TD_NEXTLINK]) {
            SimId link = teedata_new(I, REFS(data)[TD_IT]);
            if (!link)
                return 0;
            REFS(data)[TD_NEXTLINK] = link;
        }
        SimId next = REFS(data)[TD_NEXTLINK];
        sim_incref(S, next);
        REFS(t)[TEE_DATA] = next;
        sim_decref(S, data);
        data = next;
        index = 0;
        sim_iter_set_int(S, t, TEE_INDEX, 0);
    }
    SimId value;
    if (index < sim_iter_int(S, data, TD_NUMREAD)) {
        value = REFS(data)[TD_VALUES + index];
    } else { /* the lead iterator: fetch */
        if (sim_iter_int(S, data, TD_RUNNING)) {
            py_raise(I, EXC_RuntimeError, "cannot re-enter the tee iterator");
            return 0;
        }
        sim_iter_set_int(S, data, TD_RUNNING, 1);
        value = iter_next(I, REFS(data)[TD_IT]);
        sim_iter_set_int(S, data, TD_RUNNING, 0);
        if (!value)
            return 0;
        sim_iter_set_int(S, data, TD_NUMREAD, index + 1);
        REFS(data)[TD_VALUES + index] = value;
    }
    sim_incref(S, value);
    sim_iter_set_int(S, t, TEE_INDEX, index + 1);
    return value;
}
