/*
 * iter_lazy: enumerate, zip, map, filter and reversed as CPython makes
 * them (Objects/enumobject.c, Python/bltinmodule.c): lazy objects that pull
 * one item at a time from the iterators they hold.  enumerate and zip hand
 * out one result tuple again and again while nobody else holds it (its
 * refcount is 1), re-tracking it if a collection untracked it: that reuse
 * is what keeps a loop over them from raising the young generation's count.
 */
#include <stdlib.h>

#include "base/xalloc.h"
#include "pyrun/modules/collections.h"
#include "pyrun/modules/itertools.h"
#include "pyrun/builtins.h"
#include "pyrun/types/types.h"

#define S (I->sim)

/* the reference slots of each, in tp_traverse order */
enum { EN_SIT, EN_RESULT, EN_LONGINDEX };
enum { ZIP_ITERS, ZIP_RESULT };
enum { MAP_ITERS, MAP_FUNC };
enum { FILTER_FUNC, FILTER_IT };
enum { REV_SEQ };

SimId iter_composite(PyRun *I, SimXType xt, uint32_t nrefs, uint32_t nints, uint32_t nblocks, bool track)
{
    SimId it = sim_iter_composite(S, xt, nrefs, nints, nblocks, track);
    if (!sim_nomem(S))
        return it;
    sim_decref(S, it);
    py_no_memory(I);
    return 0;
}

static SimId composite(PyRun *I, SimXType xt, uint32_t nrefs, uint32_t nints, bool track)
{
    return iter_composite(I, xt, nrefs, nints, 0, track);
}

SimId iter_get(PyRun *I, SimId v)
{
    SimId it = iter_new(I, v);
    if (!it && !I->ts->err.set && !I->refused)
        py_raise(I, EXC_TypeError, "'%s' object is not iterable", op_typename(I, v));
    return it;
}

static SimId get_iter(PyRun *I, SimId v) { return iter_get(I, v); }

SimId iter_nones(PyRun *I, size_t n)
{
    SimId t = sim_tuple(S, n);
    for (size_t i = 0; i < n; i++)
        sim_tuple_set(S, t, i, sim_none(S));
    return t;
}

static SimId nones(PyRun *I, size_t n) { return iter_nones(I, n); }

/* The result tuple to fill again (a new reference): the held one when only
 * the iterator holds it, else a new one. */
SimId iter_reuse_result(PyRun *I, SimId held, size_t n, bool *reused)
{
    if (held)
        sim_timing_seen_refcount(S); /* garbage may hold the result until the pin */
    *reused = held && sim_kind(S, held) == SK_TUPLE && sim_obj(S, held)->len == n &&
              sim_refcount(S, held) == 1;
    if (!*reused)
        return sim_tuple(S, n);
    sim_incref(S, held);
    return held;
}

/* ---- enumerate -------------------------------------------------------------- */

/* enumerate_vectorcall's own check of a keyword's name */
static bool enum_keyword(PyRun *I, SimId kw, int i, const char *name)
{
    if (sim_str_equals(S, sim_items(S, kw)[i], name))
        return true;
    size_t n;
    const char *w = sim_str_data(S, sim_items(S, kw)[i], &n);
    py_raise(I, EXC_TypeError, "'%.*s' is an invalid keyword argument for enumerate()", (int)n, w);
    return false;
}

SimId iter_enumerate(PyRun *I, SimId *a, int n, SimId kw)
{
    int nk = kw ? (int)sim_obj(S, kw)->len : 0;
    if (nk && n == 2) { /* enumerate(iterable=, start=), as enumerate_vectorcall reads them */
        SimId args[2] = {a[0], a[1]};
        if (nk == 1) {
            if (!enum_keyword(I, kw, 0, "start"))
                return 0;
        } else if (sim_str_equals(S, sim_items(S, kw)[0], "start")) {
            if (!enum_keyword(I, kw, 1, "iterable"))
                return 0;
            args[0] = a[1], args[1] = a[0];
        } else if (!enum_keyword(I, kw, 0, "iterable") || !enum_keyword(I, kw, 1, "start")) {
            return 0;
        }
        return iter_enumerate(I, args, 2, 0);
    }
    if (nk && n == 1)
        return enum_keyword(I, kw, 0, "iterable") ? iter_enumerate(I, a, 1, 0) : 0;
    if (n - nk == 0) {
        py_raise(I, EXC_TypeError, "enumerate() missing required argument 'iterable'");
        return 0;
    }
    if (n > 2) {
        py_raise(I, EXC_TypeError, "enumerate() takes at most 2 arguments (%d given)", n);
        return 0;
    }
    SimId en = composite(I, SIM_XT_ENUMERATE, 3, 1, true); /* tp_alloc: tracked at once */
    if (!en)
        return 0;
    int64_t start = 0;
    if (n > 1 && sim_kind(S, a[1]) == SK_INT && sim_obj(S, a[1])->sub == 1) {
        sim_decref(S, en);
        return py_not_modelled(I, 0, "enumerate() from a start beyond 64 bits"), (SimId)0;
    }
    if (n > 1 && !bi_int_arg(I, a[1], &start)) { /* PyNumber_Index after the allocation */
        sim_decref(S, en);
        return 0;
    }
    sim_iter_set_int(S, en, 0, start);
    SimId sit = get_iter(I, a[0]);
    if (!sit) {
        sim_decref(S, en);
        return 0;
    }
    sim_iter_refs(S, en)[EN_SIT] = sit;
    SimId result = nones(I, 2);
    sim_iter_refs(S, en)[EN_RESULT] = result;
    return en;
}

static SimId enumerate_next(PyRun *I, SimId en)
{
    SimId item = iter_next(I, sim_iter_refs(S, en)[EN_SIT]);
    if (!item)
        return 0;
    int64_t i = sim_iter_int(S, en, 0);
    if (i == INT64_MAX) {
        sim_decref(S, item);
        return py_not_modelled(I, 0, "enumerate() past sys.maxsize"), 0;
    }
    SimId index = sim_int_digits(S, i); /* PyLong_FromSsize_t */
    sim_iter_set_int(S, en, 0, i + 1);
    bool reused;
    SimId r = iter_reuse_result(I, sim_iter_refs(S, en)[EN_RESULT], 2, &reused);
    SimId old0 = reused ? sim_items(S, r)[0] : 0, old1 = reused ? sim_items(S, r)[1] : 0;
    sim_tuple_set(S, r, 0, index);
    sim_tuple_set(S, r, 1, item);
    sim_xdecref(S, old0);
    sim_xdecref(S, old1);
    if (reused && !sim_is_tracked(S, r)) /* bpo-42536: a collection may have untracked it */
        sim_track(S, r);
    return r;
}

/* ---- zip ---------------------------------------------------------------------- */

static SimId zip_build(PyRun *I, SimId *a, int np, bool strict)
{
    SimId iters = sim_tuple(S, (size_t)np);
    if (sim_obj(S, iters)->len != (uint32_t)np) {
        sim_decref(S, iters);
        py_no_memory(I);
        return 0;
    }
    for (int i = 0; i < np; i++) {
        SimId it = get_iter(I, a[i]);
        if (!it) {
            sim_decref(S, iters);
            return 0;
        }
        sim_tuple_set(S, iters, (size_t)i, it);
    }
    SimId result = nones(I, (size_t)np);
    SimId z = composite(I, SIM_XT_ZIP, 2, 1, true); /* the int: zipobject's strict */
    if (!z) {
        sim_decref(S, iters);
        sim_decref(S, result);
        return 0;
    }
    sim_iter_refs(S, z)[ZIP_ITERS] = iters;
    sim_iter_refs(S, z)[ZIP_RESULT] = result;
    sim_iter_set_int(S, z, 0, strict);
    return z;
}

SimId iter_zip(PyRun *I, SimId *a, int n, SimId kw)
{
    int np = bi_npos(I, n, kw);
    if (np < n) { /* zip(..., strict=): type_call's tuple and dict, then zip_new's "|$p" */
        TpArgs t = tp_args(I, a, n, kw);
        int strict = op_truth(I, a[np]);
        return tp_args_done(I, &t, strict < 0 ? 0 : zip_build(I, a, np, strict == 1));
    }
    if (I->ts->ex_args) /* zip(*x): CPython hands it the tuple it has */
        return zip_build(I, a, np, false);
    /* no vectorcall: type_call packs the arguments into a tuple that lives
     * while zip_new runs */
    SimId args = sim_tuple(S, (size_t)np);
    for (int i = 0; i < np; i++) {
        sim_incref(S, a[i]);
        sim_tuple_set(S, args, (size_t)i, a[i]);
    }
    SimId z = zip_build(I, a, np, false);
    sim_decref(S, args);
    return z;
}

/* zip_next's check: of strict: argument i ended first; are the others done too? */
static SimId zip_strict_check(PyRun *I, SimId iters, uint32_t i)
{
    if (I->ts->err.set || I->refused) /* next() of argument i raised */
        return 0;
    const char *plural = i == 1 ? " " : "s 1-";
    if (i) {
        py_raise(I, EXC_ValueError, "zip() argument %u is shorter than argument%s%u", i + 1, plural, i);
        return 0;
    }
    uint32_t n = sim_obj(S, iters)->len;
    for (i = 1; i < n; i++) {
        SimId item = iter_next(I, sim_items(S, iters)[i]);
        plural = i == 1 ? " " : "s 1-";
        if (item) {
            sim_decref(S, item);
            py_raise(I, EXC_ValueError, "zip() argument %u is longer than argument%s%u", i + 1, plural, i);
            return 0;
        }
        if (I->ts->err.set || I->refused)
            return 0;
    }
    return 0;
}

static SimId zip_next(PyRun *I, SimId z)
{
    SimId iters = sim_iter_refs(S, z)[ZIP_ITERS];
    uint32_t n = sim_obj(S, iters)->len;
    if (n == 0)
        return 0;
    bool reused;
    SimId r = iter_reuse_result(I, sim_iter_refs(S, z)[ZIP_RESULT], n, &reused);
    for (uint32_t i = 0; i < n; i++) {
        SimId item = iter_next(I, sim_items(S, iters)[i]);
        if (!item) { /* a reused tuple keeps the items already swapped in */
            sim_decref(S, r);
            return sim_iter_int(S, z, 0) ? zip_strict_check(I, iters, i) : 0;
        }
        SimId old = sim_items(S, r)[i];
        sim_tuple_set(S, r, i, item);
        sim_xdecref(S, old);
    }
    if (reused && !sim_is_tracked(S, r))
        sim_track(S, r);
    return r;
}

/* ---- map and filter ---------------------------------------------------------- */

SimId iter_map(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (n < 2) {
        py_raise(I, EXC_TypeError, "map() must have at least two arguments.");
        return 0;
    }
    SimId iters = sim_tuple(S, (size_t)n - 1);
    if (sim_obj(S, iters)->len != (uint32_t)n - 1) {
        sim_decref(S, iters);
        py_no_memory(I);
        return 0;
    }
    for (int i = 1; i < n; i++) {
        SimId it = get_iter(I, a[i]);
        if (!it) {
            sim_decref(S, iters);
            return 0;
        }
        sim_tuple_set(S, iters, (size_t)i - 1, it);
    }
    SimId m = composite(I, SIM_XT_MAP, 2, 0, true);
    if (!m) {
        sim_decref(S, iters);
        return 0;
    }
    sim_incref(S, a[0]);
    sim_iter_refs(S, m)[MAP_ITERS] = iters;
    sim_iter_refs(S, m)[MAP_FUNC] = a[0];
    return m;
}

static SimId map_next(PyRun *I, SimId m)
{
    SimId iters = sim_iter_refs(S, m)[MAP_ITERS];
    uint32_t n = sim_obj(S, iters)->len, got = 0;
    SimId small[5], *args = n <= 5 ? small : xcalloc(n, sizeof *args);
    PmPtr stack = n > 5 ? pm_alloc(&S->pm, (size_t)n * 8) : PM_NULL; /* PyMem_Malloc past 5 */
    SimId r = 0;
    for (; got < n; got++) {
        args[got] = iter_next(I, sim_items(S, iters)[got]);
        if (!args[got])
            break;
    }
    if (got == n)
        r = vm_call(I, sim_iter_refs(S, m)[MAP_FUNC], args, (int)n);
    for (uint32_t i = 0; i < got; i++)
        sim_decref(S, args[i]);
    if (stack)
        pm_free(&S->pm, stack);
    if (args != small)
        free(args);
    return r;
}

SimId iter_filter(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "filter", n, 2, 2))
        return 0;
    SimId it = get_iter(I, a[1]);
    if (!it)
        return 0;
    SimId f = composite(I, SIM_XT_FILTER, 2, 0, true);
    if (!f) {
        sim_decref(S, it);
        return 0;
    }
    sim_incref(S, a[0]);
    sim_iter_refs(S, f)[FILTER_FUNC] = a[0];
    sim_iter_refs(S, f)[FILTER_IT] = it;
    return f;
}

static SimId filter_next(PyRun *I, SimId f)
{
    SimId fn = sim_iter_refs(S, f)[FILTER_FUNC];
    bool truth = sim_kind(S, fn) == SK_NONE || fn == S->types[SK_BOOL];
    for (;;) {
        SimId item = iter_next(I, sim_iter_refs(S, f)[FILTER_IT]);
        if (!item)
            return 0;
        int ok;
        if (truth) {
            ok = op_truth(I, item);
        } else {
            SimId good = vm_call(I, fn, &item, 1);
            if (!good) {
                sim_decref(S, item);
                return 0;
            }
            ok = op_truth(I, good);
            sim_decref(S, good);
        }
        if (ok > 0)
            return item;
        sim_decref(S, item);
        if (ok < 0)
            return 0;
    }
}

/* ---- reversed ----------------------------------------------------------------- */

/* The bound method _PyObject_LookupSpecial makes for a built-in type's
 * __reversed__: alive while the call runs. */
static SimId lookup_special(PyRun *I, SimId self)
{
    sim_incref(S, self);
    return sim_builtin(S, 0, self);
}

static SimId reversed_seq(PyRun *I, SimXType xt, SimId seq, int64_t len)
{
    SimId r = composite(I, xt, 1, 1, xt == SIM_XT_REVERSED);
    if (!r)
        return 0;
    sim_iter_set_int(S, r, 0, len - 1);
    sim_incref(S, seq);
    sim_iter_refs(S, r)[REV_SEQ] = seq;
    if (xt != SIM_XT_REVERSED) /* PyObject_GC_New, then tracked once filled */
        sim_track(S, r);
    return r;
}

static SimId reversed_range(PyRun *I, SimId range)
{
    const SimObj *o = sim_obj(S, range);
    const int64_t *r = (const int64_t *)(const void *)sim_items(S, range);
    int64_t start = o->v.i, stop = r[0], step = r[1];
    int64_t len = step > 0 ? (stop > start ? (stop - start + step - 1) / step : 0)
                           : (start > stop ? (start - stop - step - 1) / -step : 0);
    int64_t last = start + (len - 1) * step;
    return sim_range_iter(S, last, last - len * step, -step);
}

SimId iter_reversed(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "reversed", n, 1, 1))
        return 0;
    SimId seq = a[0];
    SimKind k = sim_kind(S, seq);
    if (enum_is_enum_class(I, seq)) /* EnumType.__reversed__ */
        return enum_iter(I, seq, true);
    bool own = I->own_slot; /* list.__reversed__(x) by its name: past a subclass's own */
    I->own_slot = false;
    if (!own && (k == SK_INSTANCE || sim_is_subinst(S, seq))) {
        SimId fn = sim_type_lookup(S, sim_obj(S, seq)->type, "__reversed__");
        if (fn && sim_kind(S, fn) == SK_NONE) { /* __reversed__ = None */
            py_raise(I, EXC_TypeError, "'%s' object is not reversible", op_typename(I, seq));
            return 0;
        }
        if (fn && sim_kind(S, fn) == SK_FUNC) { /* _PyObject_LookupSpecial binds it; its result as it is */
            sim_incref(S, fn);
            sim_incref(S, seq);
            SimId bound = sim_method(S, fn, seq);
            SimId r = vm_call(I, bound, NULL, 0);
            sim_decref(S, bound);
            return r;
        }
        if (fn && sim_kind(S, fn) != SK_BUILTIN)
            return py_not_modelled(I, 0, "a __reversed__ that is not a plain function"), 0;
    }
    if (k == SK_DEQUE) { /* deque.__reversed__ */
        SimId meth = lookup_special(I, seq);
        SimId r = deque_iter(I, seq, true);
        sim_decref(S, meth);
        return r;
    }
    SimId od = k == SK_DICT ? seq : k == SK_DICTVIEW && sim_obj(S, seq)->sub != SIM_VIEW_PROXY ? SIM_V(S, seq, SK_DICTVIEW, view.dict) : 0;
    if (od && odict_is(I, od)) { /* OrderedDict.__reversed__, odict_keys.__reversed__ ... */
        SimId meth = lookup_special(I, seq);
        SimId r = odict_iter(I, od, k == SK_DICT ? SIM_VIEW_KEYS : sim_obj(S, seq)->sub, true);
        sim_decref(S, meth);
        return r;
    }
    if (k == SK_LIST || k == SK_RANGE || k == SK_DICT || k == SK_DICTVIEW) { /* their own __reversed__ */
        SimId meth = lookup_special(I, seq);
        SimId r = k == SK_LIST    ? reversed_seq(I, SIM_XT_LIST_REVITER, seq, sim_obj(S, seq)->len)
                  : k == SK_RANGE ? reversed_range(I, seq)
                                  : lazy_reversed_dict(I, seq);
        sim_decref(S, meth);
        return r;
    }
    bool seqkind = k == SK_TUPLE || k == SK_BYTES || k == SK_BYTEARRAY || k == SK_ARRAY || k == SK_STR;
    if (k == SK_INSTANCE || (seqkind && dunder_defines(I, seq, "__len__"))) { /* PySequence_Size: slot_sq_length */
        if (k == SK_INSTANCE && !dunder_defines(I, seq, "__getitem__")) {
            py_raise(I, EXC_TypeError, "'%s' object is not reversible", op_typename(I, seq));
            return 0;
        }
        SimId len = dunder_len(I, seq);
        if (len == S->notimpl) {
            py_raise(I, EXC_TypeError, "object of type '%s' has no len()", op_typename(I, seq));
            return 0;
        }
        if (!len)
            return 0;
        int64_t nlen = sim_obj(S, len)->v.i;
        sim_decref(S, len);
        return reversed_seq(I, SIM_XT_REVERSED, seq, nlen);
    }
    if (k == SK_TUPLE || k == SK_BYTES || k == SK_BYTEARRAY || k == SK_ARRAY)
        return reversed_seq(I, SIM_XT_REVERSED, seq, sim_obj(S, seq)->len);
    if (k == SK_STR)
        return reversed_seq(I, SIM_XT_REVERSED, seq, sim_obj(S, seq)->cap);
    py_raise(I, EXC_TypeError, "'%s' object is not reversible", op_typename(I, seq));
    return 0;
}

/* reversed_next and listreviter_next: seq[index], index - 1, down to 0 */
static SimId reversed_next(PyRun *I, SimId r, bool list)
{
    SimId seq = sim_iter_refs(S, r)[REV_SEQ];
    int64_t i = sim_iter_int(S, r, 0);
    if (list && i < 0 && S->prof->version >= SIM_V313)
        return 0; /* 3.13's listreviter_next stops here and keeps the list until it dies */
    if (seq && i >= 0 && (!list || i < sim_obj(S, seq)->len)) {
        SimId v;
        if (list) {
            v = sim_items(S, seq)[i];
            sim_incref(S, v);
        } else {
            SimId key = sim_int(S, i);
            v = op_getitem(I, seq, key);
            sim_decref(S, key);
        }
        if (v) {
            sim_iter_set_int(S, r, 0, i - 1);
            return v;
        }
        if (!py_err_matches(I, EXC_IndexError) && !py_err_matches(I, EXC_StopIteration))
            return 0;
        py_err_clear(I);
    }
    sim_iter_set_int(S, r, 0, -1);
    sim_iter_refs(S, r)[REV_SEQ] = 0;
    sim_xdecref(S, seq);
    return 0;
}

SimId lazy_next(PyRun *I, SimId it, SimXType xt)
{
    switch (xt) {
    case SIM_XT_ENUMERATE: return enumerate_next(I, it);
    case SIM_XT_ZIP: return zip_next(I, it);
    case SIM_XT_MAP: return map_next(I, it);
    case SIM_XT_FILTER: return filter_next(I, it);
    case SIM_XT_REVERSED: return reversed_next(I, it, false);
    case SIM_XT_LIST_REVITER: return reversed_next(I, it, true);
    default: return lazy_reversed_dict_next(I, it, xt);
    }
}

/* ---- reversed(dict) ------------------------------------------------------------
 * dictiter_new with a reverse type: [dict, result] and [position, size seen] */
enum { DREV_DICT, DREV_RESULT };

SimId lazy_reversed_dict(PyRun *I, SimId obj)
{
    int view = sim_kind(S, obj) == SK_DICTVIEW ? sim_obj(S, obj)->sub : SIM_VIEW_KEYS;
    if (view == SIM_VIEW_PROXY) /* mappingproxy.__reversed__: its dict's */
        view = SIM_VIEW_KEYS;
    SimId d = sim_kind(S, obj) == SK_DICTVIEW ? SIM_V(S, obj, SK_DICTVIEW, view.dict) : obj;
    SimId r = composite(I, (SimXType)(SIM_XT_DICT_REVKEYITER + view), 2, 2, false);
    if (!r)
        return 0;
    sim_incref(S, d);
    sim_iter_refs(S, r)[DREV_DICT] = d;
    sim_iter_set_int(S, r, 0, (int64_t)sim_obj(S, d)->v.dict.used - 1);
    sim_iter_set_int(S, r, 1, sim_obj(S, d)->len);
    if (view == SIM_VIEW_ITEMS) {
        SimId result = nones(I, 2);
        sim_iter_refs(S, r)[DREV_RESULT] = result;
    }
    sim_track(S, r);
    return r;
}

SimId lazy_reversed_dict_next(PyRun *I, SimId r, SimXType xt)
{
    SimId d = sim_iter_refs(S, r)[DREV_DICT];
    if (!d)
        return 0;
    if (sim_iter_int(S, r, 1) != sim_obj(S, d)->len) {
        sim_iter_set_int(S, r, 1, -1);
        py_raise(I, EXC_RuntimeError, "dictionary changed size during iteration");
        return 0;
    }
    int64_t i = sim_iter_int(S, r, 0);
    const SimId *e = sim_obj(S, d)->cap ? sim_items(S, d) : NULL;
    while (e && i >= 0 && !e[2 * i])
        i--;
    if (!e || i < 0) {
        sim_iter_refs(S, r)[DREV_DICT] = 0;
        sim_decref(S, d);
        return 0;
    }
    SimId key = e[2 * i], value = e[2 * i + 1];
    sim_iter_set_int(S, r, 0, i - 1);
    if (xt != SIM_XT_DICT_REVITEMITER) {
        SimId v = xt == SIM_XT_DICT_REVKEYITER ? key : value;
        sim_incref(S, v);
        return v;
    }
    bool reused;
    SimId t = iter_reuse_result(I, sim_iter_refs(S, r)[DREV_RESULT], 2, &reused);
    SimId old0 = reused ? sim_items(S, t)[0] : 0, old1 = reused ? sim_items(S, t)[1] : 0;
    sim_incref(S, key);
    sim_incref(S, value);
    sim_tuple_set(S, t, 0, key);
    sim_tuple_set(S, t, 1, value);
    sim_xdecref(S, old0);
    sim_xdecref(S, old1);
    if (reused && !sim_is_tracked(S, t))
        sim_track(S, t);
    return t;
}
