/*
 * itertools: the module's iterator objects as CPython's Modules/
 * itertoolsmodule.c makes them (3.11-3.13): count, repeat, cycle, chain,
 * islice, accumulate, starmap, takewhile, dropwhile, filterfalse,
 * compress, zip_longest and pairwise here; product, permutations,
 * combinations and groupby in itertools_comb.c.  Each is a composite
 * iterator (sim/iter.c) whose references sit in tp_traverse order.  They
 * are made through type_call, so the argument tuple (and a keyword dict)
 * lives while the constructor runs.  The import's own objects are not
 * modelled one by one: see itertools_on_import.
 */
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/modules/itertools.h"
#include "pyrun/modules/std_import.h"
#include "pyrun/types/types.h"
#include "sim/gc.h"

#define S (I->sim)
#define REFS(it) sim_iter_refs(S, it)

/* ---- type_call's arguments ---------------------------------------------------- */

TpArgs tp_args(PyRun *I, SimId *a, int n, SimId kw)
{
    TpArgs t = {0, 0};
    if (I->ts->ex_args) /* f(*args): CPython passes the tuple (and dict) it has */
        return t;
    int nk = kw ? (int)sim_obj(S, kw)->len : 0, np = n - nk;
    t.args = sim_tuple(S, (size_t)np);
    for (int i = 0; i < np; i++) {
        sim_incref(S, a[i]);
        sim_tuple_set(S, t.args, (size_t)i, a[i]);
    }
    if (nk) { /* _PyStack_AsDict */
        t.kwargs = sim_dict_presized(S, (size_t)nk, true);
        for (int i = 0; i < nk; i++) {
            SimId k = sim_items(S, kw)[i];
            sim_incref(S, k);
            sim_incref(S, a[np + i]);
            sim_dict_set(S, t.kwargs, k, a[np + i]);
        }
    }
    return t;
}

SimId tp_args_done(PyRun *I, TpArgs *t, SimId result)
{
    if (!result && t->args)
        exc_made_at_raise(I); /* 3.12+: the exception was made while the tuple lived */
    sim_xdecref(S, t->args);
    sim_xdecref(S, t->kwargs);
    t->args = t->kwargs = 0;
    return result;
}

SimId itertools_arg(PyRun *I, SimId *a, int n, SimId kw, int pos, const char *name)
{
    return pos < bi_npos(I, n, kw) ? a[pos] : bi_kwarg(I, a, n, kw, name);
}

/* ---- count and repeat ------------------------------------------------------------ */

enum { CNT_LONG, CNT_STEP };

static SimId it_count(PyRun *I, SimId *a, int n, SimId kw)
{
    TpArgs t = tp_args(I, a, n, kw);
    SimId start = itertools_arg(I, a, n, kw, 0, "start"), step = itertools_arg(I, a, n, kw, 1, "step");
    for (int i = 0; i < 2; i++) {
        SimId v = i ? step : start;
        SimKind k = v ? sim_kind(S, v) : SK_INT;
        if (k != SK_INT && k != SK_BOOL && k != SK_FLOAT) {
            if (k == SK_INSTANCE)
                return tp_args_done(I, &t, py_not_modelled(I, 0, "itertools.count() of an object of a class") ? 0 : 0);
            py_raise(I, EXC_TypeError, "a number is required");
            return tp_args_done(I, &t, 0);
        }
        if (v && sim_obj(S, v)->sub == 1 && k == SK_INT)
            return tp_args_done(I, &t, py_not_modelled(I, 0, "itertools.count() past sys.maxsize") ? 0 : 0);
    }
    bool fast = (!start || sim_kind(S, start) != SK_FLOAT) && (!step || sim_kind(S, step) != SK_FLOAT);
    if (fast && step && sim_obj(S, step)->v.i != 1)
        fast = false;
    SimId c = iter_composite(I, SIM_XT_IT_COUNT, 2, 1, 0, true);
    if (!c)
        return tp_args_done(I, &t, 0);
    SimId lc = start ? start : sim_int(S, 0), ls = step ? step : sim_int(S, 1);
    if (start)
        sim_incref(S, lc);
    if (step)
        sim_incref(S, ls);
    if (fast) { /* Py_CLEAR(long_cnt): the counter lives in cnt */
        sim_iter_set_int(S, c, 0, sim_obj(S, lc)->v.i);
        sim_decref(S, lc);
        lc = 0;
    } else {
        sim_iter_set_int(S, c, 0, INT64_MAX);
    }
    REFS(c)[CNT_LONG] = lc;
    REFS(c)[CNT_STEP] = ls;
    return tp_args_done(I, &t, c);
}

static SimId count_next(PyRun *I, SimId c)
{
    int64_t cnt = sim_iter_int(S, c, 0);
    if (cnt != INT64_MAX) {
        sim_iter_set_int(S, c, 0, cnt + 1);
        return sim_int(S, cnt);
    }
    SimId lc = REFS(c)[CNT_LONG];
    if (!lc)
        return py_not_modelled(I, 0, "itertools.count() past sys.maxsize"), 0;
    SimId up = op_binary(I, OP_ADD, lc, REFS(c)[CNT_STEP], false);
    if (!up)
        return 0;
    REFS(c)[CNT_LONG] = up; /* the old one goes to the caller */
    return lc;
}

enum { REP_ELEMENT };

static SimId it_repeat(PyRun *I, SimId *a, int n, SimId kw)
{
    TpArgs t = tp_args(I, a, n, kw);
    SimId obj = itertools_arg(I, a, n, kw, 0, "object"), times = itertools_arg(I, a, n, kw, 1, "times");
    if (!obj) {
        py_raise(I, EXC_TypeError, "repeat() missing required argument 'object' (pos 1)");
        return tp_args_done(I, &t, 0);
    }
    int64_t cnt = -1;
    if (times && !bi_int_arg(I, times, &cnt))
        return tp_args_done(I, &t, 0);
    if (times && cnt < 0)
        cnt = 0;
    SimId r = iter_composite(I, SIM_XT_IT_REPEAT, 1, 1, 0, true);
    if (!r)
        return tp_args_done(I, &t, 0);
    sim_incref(S, obj);
    REFS(r)[REP_ELEMENT] = obj;
    sim_iter_set_int(S, r, 0, cnt);
    return tp_args_done(I, &t, r);
}

static SimId repeat_next(PyRun *I, SimId r)
{
    int64_t cnt = sim_iter_int(S, r, 0);
    if (cnt == 0)
        return 0;
    if (cnt > 0)
        sim_iter_set_int(S, r, 0, cnt - 1);
    sim_incref(S, REFS(r)[REP_ELEMENT]);
    return REFS(r)[REP_ELEMENT];
}

/* ---- cycle and chain ----------------------------------------------------------------- */

enum { CYC_IT, CYC_SAVED };
enum { CYC_INDEX, CYC_FIRSTPASS };

static SimId it_cycle(PyRun *I, SimId *a, int n, SimId kw)
{
    TpArgs t = tp_args(I, a, n, kw);
    SimId it = iter_get(I, a[0]);
    if (!it)
        return tp_args_done(I, &t, 0);
    SimId saved = sim_list(S, 0);
    SimId c = iter_composite(I, SIM_XT_IT_CYCLE, 2, 2, 0, true);
    if (!c) {
        sim_decref(S, it);
        sim_decref(S, saved);
        return tp_args_done(I, &t, 0);
    }
    REFS(c)[CYC_IT] = it;
    REFS(c)[CYC_SAVED] = saved;
    return tp_args_done(I, &t, c);
}

static SimId cycle_next(PyRun *I, SimId c)
{
    SimId it = REFS(c)[CYC_IT];
    if (it) {
        uint64_t mark = I->nraised;
        SimId item = iter_next(I, it);
        if (item) {
            if (!sim_iter_int(S, c, CYC_FIRSTPASS)) {
                sim_incref(S, item);
                sim_list_append(S, REFS(c)[CYC_SAVED], item);
            }
            return item;
        }
        if (I->ts->err.set && (I->nraised != mark || I->refused))
            return 0;
        REFS(c)[CYC_IT] = 0;
        sim_decref(S, it);
    }
    SimId saved = REFS(c)[CYC_SAVED];
    uint32_t len = sim_obj(S, saved)->len;
    if (len == 0)
        return 0;
    int64_t i = sim_iter_int(S, c, CYC_INDEX);
    SimId v = sim_items(S, saved)[i];
    sim_iter_set_int(S, c, CYC_INDEX, i + 1 >= len ? 0 : i + 1);
    sim_incref(S, v);
    return v;
}

enum { CH_SOURCE, CH_ACTIVE };

/* chain_new_internal: the object over an iterator of iterables */
static SimId chain_over(PyRun *I, SimId source)
{
    SimId c = iter_composite(I, SIM_XT_IT_CHAIN, 2, 0, 0, true);
    if (!c) {
        sim_decref(S, source);
        return 0;
    }
    REFS(c)[CH_SOURCE] = source;
    return c;
}

static SimId it_chain(PyRun *I, SimId *a, int n, SimId kw)
{
    TpArgs t = tp_args(I, a, n, kw);
    SimId source = iter_get(I, t.args ? t.args : I->ts->ex_args); /* over the argument tuple itself */
    if (!source)
        return tp_args_done(I, &t, 0);
    return tp_args_done(I, &t, chain_over(I, source));
}

/* chain.from_iterable(iterable): a class method (METH_CLASS | METH_O) */
static SimId it_chain_from_iterable(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    SimId source = iter_get(I, a[n - 1]);
    return source ? chain_over(I, source) : 0;
}

static SimId chain_next(PyRun *I, SimId c)
{
    while (REFS(c)[CH_SOURCE]) {
        if (!REFS(c)[CH_ACTIVE]) {
            SimId source = REFS(c)[CH_SOURCE];
            SimId iterable = iter_next(I, source);
            SimId active = iterable ? iter_get(I, iterable) : 0;
            sim_xdecref(S, iterable);
            if (!active) {
                REFS(c)[CH_SOURCE] = 0;
                sim_decref(S, source);
                return 0;
            }
            REFS(c)[CH_ACTIVE] = active;
        }
        uint64_t mark = I->nraised;
        SimId item = iter_next(I, REFS(c)[CH_ACTIVE]);
        if (item)
            return item;
        if (I->ts->err.set && (I->nraised != mark || I->refused))
            return 0;
        SimId done = REFS(c)[CH_ACTIVE];
        REFS(c)[CH_ACTIVE] = 0;
        sim_decref(S, done);
    }
    return 0;
}

/* ---- islice ---------------------------------------------------------------------- */

enum { ISL_IT };
enum { ISL_NEXT, ISL_STOP, ISL_STEP, ISL_CNT };

/* None or an int in 0..sys.maxsize, else `msg` */
static bool slice_arg(PyRun *I, SimId v, int64_t none_value, int64_t *out, const char *msg)
{
    if (!v || sim_kind(S, v) == SK_NONE) {
        *out = none_value;
        return true;
    }
    SimKind k = sim_kind(S, v);
    SimId r = dunder_index_hooked(I, v) ? dunder_index(I, v) : S->notimpl; /* PyNumber_AsSsize_t: its __index__ */
    if (r && r != S->notimpl) {
        bool ok = slice_arg(I, r, none_value, out, msg);
        sim_decref(S, r);
        return ok;
    }
    if (!r && (I->refused || !I->ts->err.set))
        return false;
    if (!r) /* its error gives way to the ValueError */
        py_err_clear(I);
    if ((k != SK_INT && k != SK_BOOL) || sim_obj(S, v)->sub == 1 || sim_obj(S, v)->v.i < 0) {
        py_raise(I, EXC_ValueError, "%s", msg);
        return false;
    }
    *out = sim_obj(S, v)->v.i;
    return true;
}

static SimId it_islice(PyRun *I, SimId *a, int n, SimId kw)
{
    TpArgs t = tp_args(I, a, n, kw);
    int64_t start = 0, stop = -1, step = 1;
    static const char stop_msg[] = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    static const char idx_msg[] = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    if (n == 2) {
        if (!slice_arg(I, a[1], -1, &stop, stop_msg))
            return tp_args_done(I, &t, 0);
    } else {
        if (!slice_arg(I, a[1], 0, &start, idx_msg) || !slice_arg(I, a[2], -1, &stop, idx_msg))
            return tp_args_done(I, &t, 0);
        if (n == 4 && !slice_arg(I, a[3], 1, &step, "Step for islice() must be a positive integer or None."))
            return tp_args_done(I, &t, 0);
        if (step == 0) {
            py_raise(I, EXC_ValueError, "Step for islice() must be a positive integer or None.");
            return tp_args_done(I, &t, 0);
        }
    }
    SimId it = iter_get(I, a[0]);
    if (!it)
        return tp_args_done(I, &t, 0);
    SimId s = iter_composite(I, SIM_XT_IT_ISLICE, 1, 4, 0, true);
    if (!s) {
        sim_decref(S, it);
        return tp_args_done(I, &t, 0);
    }
    REFS(s)[ISL_IT] = it;
    sim_iter_set_int(S, s, ISL_NEXT, start);
    sim_iter_set_int(S, s, ISL_STOP, stop);
    sim_iter_set_int(S, s, ISL_STEP, step);
    return tp_args_done(I, &t, s);
}

static SimId islice_stop(PyRun *I, SimId s)
{
    SimId it = REFS(s)[ISL_IT];
    REFS(s)[ISL_IT] = 0;
    sim_xdecref(S, it);
    return 0;
}

static SimId islice_next(PyRun *I, SimId s)
{
    SimId it = REFS(s)[ISL_IT];
    if (!it)
        return 0;
    int64_t stop = sim_iter_int(S, s, ISL_STOP);
    while (sim_iter_int(S, s, ISL_CNT) < sim_iter_int(S, s, ISL_NEXT)) {
        SimId item = iter_next(I, it);
        if (!item)
            return islice_stop(I, s);
        sim_decref(S, item);
        sim_iter_set_int(S, s, ISL_CNT, sim_iter_int(S, s, ISL_CNT) + 1);
    }
    if (stop != -1 && sim_iter_int(S, s, ISL_CNT) >= stop)
        return islice_stop(I, s);
    SimId item = iter_next(I, it);
    if (!item)
        return islice_stop(I, s);
    sim_iter_set_int(S, s, ISL_CNT, sim_iter_int(S, s, ISL_CNT) + 1);
    int64_t old = sim_iter_int(S, s, ISL_NEXT), next = old + sim_iter_int(S, s, ISL_STEP);
    if (next < old || (stop != -1 && next > stop))
        next = stop;
    sim_iter_set_int(S, s, ISL_NEXT, next);
    return item;
}

/* ---- the module -------------------------------------------------------------------- */

SimId itertools_next(PyRun *I, SimId it, SimXType xt)
{
    switch (xt) {
    case SIM_XT_IT_COUNT: return count_next(I, it);
    case SIM_XT_IT_REPEAT: return repeat_next(I, it);
    case SIM_XT_IT_CYCLE: return cycle_next(I, it);
    case SIM_XT_IT_CHAIN: return chain_next(I, it);
    case SIM_XT_IT_ISLICE: return islice_next(I, it);
    default: return itertools_fn_next(I, it, xt);
    }
}

static SimId it_batched(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)a, (void)n, (void)kw;
    return py_not_modelled(I, 0, "itertools.batched()"), 0;
}

/* Each constructor is named as its type (the module's dict holds the type,
 * registry.c calls the constructor); tee and batched are refused. */
const BuiltinDef itertools_functions[] = {
    BUILTIN("count", 0, BM_ITERTOOLS, it_count, .kw = "start step", .clinic = "itertools.count:start step", .style = ARGS_CLINIC, .min = 0, .max = 2),
    BUILTIN("repeat", 0, BM_ITERTOOLS, it_repeat, .kw = "object times", .style = ARGS_CLINIC, .min = 0, .max = 2),
    BUILTIN("cycle", 0, BM_ITERTOOLS, it_cycle, .style = ARGS_RANGE, .min = 1, .max = 1),
    BUILTIN("chain", 0, BM_ITERTOOLS, it_chain),
    BUILTIN("islice", 0, BM_ITERTOOLS, it_islice, .style = ARGS_RANGE, .min = 2, .max = 4),
    BUILTIN("accumulate", 0, BM_ITERTOOLS, it_accumulate, .kw = "iterable func initial", .style = ARGS_CLINIC, .min = 0, .max = 2),
    BUILTIN("starmap", 0, BM_ITERTOOLS, it_starmap, .style = ARGS_RANGE, .min = 2, .max = 2),
    BUILTIN("takewhile", 0, BM_ITERTOOLS, it_takewhile, .style = ARGS_RANGE, .min = 2, .max = 2),
    BUILTIN("dropwhile", 0, BM_ITERTOOLS, it_dropwhile, .style = ARGS_RANGE, .min = 2, .max = 2),
    BUILTIN("filterfalse", 0, BM_ITERTOOLS, it_filterfalse, .style = ARGS_RANGE, .min = 2, .max = 2),
    BUILTIN("compress", 0, BM_ITERTOOLS, it_compress, .kw = "data selectors", .clinic = "itertools.compress:data selectors", .style = ARGS_CLINIC, .min = 0, .max = 2),
    BUILTIN("zip_longest", 0, BM_ITERTOOLS, it_zip_longest, .kw = "*"),
    BUILTIN("pairwise", 0, BM_ITERTOOLS, it_pairwise, .style = ARGS_RANGE, .min = 1, .max = 1),
    BUILTIN("product", 0, BM_ITERTOOLS, it_product, .kw = "*"),
    BUILTIN("permutations", 0, BM_ITERTOOLS, it_permutations, .kw = "iterable r", .clinic = "itertools.permutations:iterable r", .style = ARGS_CLINIC, .min = 0, .max = 2),
    BUILTIN("combinations", 0, BM_ITERTOOLS, it_combinations, .kw = "iterable r", .clinic = "itertools.combinations:iterable r", .style = ARGS_CLINIC, .min = 0, .max = 2),
    BUILTIN("combinations_with_replacement", 0, BM_ITERTOOLS, it_cwr, .kw = "iterable r", .clinic = "itertools.combinations_with_replacement:iterable r", .style = ARGS_CLINIC, .min = 0, .max = 2),
    BUILTIN("groupby", 0, BM_ITERTOOLS, it_groupby, .kw = "iterable key", .clinic = "itertools.groupby:iterable key", .style = ARGS_CLINIC, .min = 0, .max = 2),
    BUILTIN("tee", 0, BM_ITERTOOLS, it_tee, .style = ARGS_RANGE, .min = 1, .max = 2),
    BUILTIN("batched", 0, BM_ITERTOOLS, it_batched, .kw = "*", .refused = true),
    BUILTIN("from_iterable", SK_ITER, BM_ITERTOOLS, it_chain_from_iterable, .style = ARGS_ONE),
};
const int itertools_nfunctions = (int)(sizeof itertools_functions / sizeof itertools_functions[0]);

int itertools_def_of(const char *tp_name)
{
    if (strncmp(tp_name, "itertools.", 10) != 0)
        return -1;
    for (int i = 0; i < itertools_nfunctions; i++)
        if (!itertools_functions[i].owner && strcmp(itertools_functions[i].name, tp_name + 10) == 0)
            return i;
    return -1;
}

void itertools_module_init(PyRun *I, SimId d)
{
    (void)I, (void)d; /* registry.c puts the types in for their constructors */
}

/* The import's GC traffic and survivors: std_import.c. */
void itertools_on_import(PyRun *I) { std_import(I, STD_ITERTOOLS); }

/* chain.from_iterable: a bound class method, made on each access */
SimId itertools_type_attr(PyRun *I, SimId type, const char *name)
{
    if (sim_obj(S, type)->cap != SIM_XT_IT_CHAIN || strcmp(name, "from_iterable") != 0)
        return 0;
    int base = -1;
    for (int i = 0; i < bi_count(); i++)
        if (bi_def((uint32_t)i) == &itertools_functions[itertools_nfunctions - 1])
            base = i;
    sim_incref(S, type);
    return sim_builtin(S, (uint32_t)base, type);
}
