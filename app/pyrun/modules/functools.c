/*
 * functools: the module as CPython's Modules/_functoolsmodule.c and
 * Lib/functools.py make it (3.11-3.13): reduce and the partial object here,
 * with the tuples and dicts their calls allocate and drop in CPython's
 * order; wraps, update_wrapper and total_ordering in functools_wrap.c; the
 * lru_cache wrapper in functools_lru.c.
 */
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "pyrun/builtins.h"
#include "pyrun/modules/functools.h"
#include "pyrun/modules/itertools.h"
#include "pyrun/modules/std_import.h"
#include "pyrun/types/native.h"
#include "pyrun/types/types.h"

#define S (I->sim)
#define REFS(o) sim_iter_refs(S, o)

bool ft_callable(PyRun *I, SimId v)
{
    SimKind k = sim_kind(S, v);
    if (k == SK_INSTANCE)
        return sim_type_lookup(S, sim_obj(S, v)->type, "__call__") != 0;
    return k == SK_FUNC || k == SK_METHOD || k == SK_BUILTIN || k == SK_TYPE || k == SK_WEAKREF ||
           k == SK_STATICMETHOD || native_callable(I, v);
}

/* ---- reduce ---------------------------------------------------------------------------- */

/* functools_reduce: one argument tuple, refilled in place for each call
 * while nobody else holds it (it keeps the last pair alive meanwhile) */
static SimId ft_reduce(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    SimId func = a[0], result = n > 2 ? a[2] : 0;
    SimId it = iter_new(I, a[1]);
    if (!it) {
        if (!I->ts->err.set && !I->refused)
            py_raise(I, EXC_TypeError, "reduce() arg 2 must support iteration");
        return 0;
    }
    if (result)
        sim_incref(S, result);
    SimId args = sim_tuple(S, 2);
    SimId op2;
    int st;
    for (;;) {
        sim_timing_seen_refcount(S); /* garbage may hold it until the pin */
        if (sim_obj(S, args)->refcnt > 1) { /* the callee kept it: a fresh one */
            sim_decref(S, args);
            args = sim_tuple(S, 2);
        }
        if ((st = iter_step(I, it, &op2)) != 1)
            break;
        if (!result) {
            result = op2;
            continue;
        }
        SimId *slot = sim_items(S, args);
        SimId old0 = slot[0], old1 = slot[1];
        slot[0] = result;
        sim_xdecref(S, old0);
        sim_items(S, args)[1] = op2;
        sim_xdecref(S, old1);
        SimId pair[2] = {result, op2};
        result = vm_call(I, func, pair, 2);
        if (!result) {
            st = -1;
            break;
        }
        if (!sim_is_tracked(S, args)) /* a collection may have untracked it meanwhile */
            sim_track(S, args);
    }
    sim_decref(S, args);
    sim_decref(S, it);
    if (st < 0) {
        sim_xdecref(S, result);
        return 0;
    }
    if (!result)
        py_raise(I, EXC_TypeError, "reduce() of empty iterable with no initial value");
    return result;
}

/* ---- partial ------------------------------------------------------------------------------ */

static SimId ft_partial(PyRun *I, SimId *a, int n, SimId kw)
{
    int nk = kw ? (int)sim_obj(S, kw)->len : 0, np = n - nk;
    if (np < 1) {
        py_raise(I, EXC_TypeError, "type 'partial' takes at least one argument");
        return 0;
    }
    TpArgs t = tp_args(I, a, n, kw);
    if (I->ts->ex_args && nk)
        return tp_args_done(I, &t, py_not_modelled(I, 0, "functools.partial(*args, **kwargs)") ? 0 : 0);
    SimId func = a[0], pargs = 0, pkw = 0;
    if (sim_xtype_of(S, func) == SIM_XT_FT_PARTIAL && !REFS(func)[PT_DICT]) { /* flattened */
        pargs = REFS(func)[PT_ARGS];
        pkw = REFS(func)[PT_KW];
        func = REFS(func)[PT_FN];
    }
    if (!ft_callable(I, func)) {
        py_raise(I, EXC_TypeError, "the first argument must be callable");
        return tp_args_done(I, &t, 0);
    }
    SimId p = iter_composite(I, SIM_XT_FT_PARTIAL, PT_NREFS, 0, 0, true);
    if (!p)
        return tp_args_done(I, &t, 0);
    sim_incref(S, func);
    REFS(p)[PT_FN] = func;
    SimId rest = np > 1 ? sim_tuple(S, (size_t)np - 1) : S->empty_tuple; /* PyTuple_GetSlice */
    if (np > 1)
        for (int i = 1; i < np; i++) {
            sim_incref(S, a[i]);
            sim_tuple_set(S, rest, (size_t)i - 1, a[i]);
        }
    else
        sim_incref(S, rest);
    if (pargs && sim_obj(S, pargs)->len) {
        SimId joined = op_binary(I, OP_ADD, pargs, rest, false);
        sim_decref(S, rest);
        rest = joined;
    }
    REFS(p)[PT_ARGS] = rest;
    SimId kwd;
    if (pkw && sim_obj(S, pkw)->len) {
        kwd = dict_copy(I, pkw);
        SimId dup;
        if (t.kwargs)
            dict_merge(I, kwd, t.kwargs, DICT_MERGE_SET, &dup);
    } else if (!t.kwargs) {
        kwd = sim_dict(S);
    } else { /* the call's own dict, which nobody else holds */
        kwd = t.kwargs;
        t.kwargs = 0;
    }
    REFS(p)[PT_KW] = kwd;
    return tp_args_done(I, &t, p);
}

/* PyObject_Call(fn, args2, kwargs2) for a vectorcall callable: the dict
 * unpacked into a stack and a tuple of its keys */
static SimId call_tuple_dict(PyRun *I, SimId fn, SimId tuple, SimId dict)
{
    uint32_t np = sim_obj(S, tuple)->len, nk = dict ? sim_obj(S, dict)->len : 0;
    SimId *stack = xmalloc(((size_t)np + nk + 1) * sizeof *stack);
    for (uint32_t i = 0; i < np; i++)
        stack[i] = sim_items(S, tuple)[i];
    SimId names = 0;
    if (nk) {
        if (sim_kind(S, fn) != SK_FUNC && sim_kind(S, fn) != SK_BUILTIN)
            I->gc_count_unsure = true; /* a class's tp_call packs its own: not replayed */
        names = sim_tuple(S, nk);
        uint32_t pos = 0, k = 0;
        SimId key, val;
        while (sim_dict_next(S, dict, &pos, &key, &val)) {
            sim_incref(S, key);
            sim_tuple_set(S, names, k, key);
            stack[np + k++] = val;
        }
    }
    SimId r = vm_call_kw(I, fn, stack, (int)(np + nk), names);
    sim_xdecref(S, names);
    free(stack);
    return r;
}

static SimId ft_partial_call(PyRun *I, SimId p, SimId *args, int nargs, SimId kwnames)
{
    SimId fn = REFS(p)[PT_FN], pargs = REFS(p)[PT_ARGS], pkw = REFS(p)[PT_KW];
    bool from_ex = I->ts->ex_args != 0;
    I->ts->ex_args = 0;
    int nk = kwnames ? (int)sim_obj(S, kwnames)->len : 0, np = nargs - nk;
    uint32_t pn = sim_obj(S, pargs)->len;
    if (sim_obj(S, pkw)->len == 0) { /* partial_vectorcall: the stored arguments first */
        SimId *stack = xmalloc(((size_t)pn + (size_t)nargs + 1) * sizeof *stack);
        for (uint32_t i = 0; i < pn; i++)
            stack[i] = sim_items(S, pargs)[i];
        for (int i = 0; i < nargs; i++)
            stack[pn + (uint32_t)i] = args[i];
        SimId r = vm_call_kw(I, fn, stack, (int)pn + nargs, kwnames);
        free(stack);
        return r;
    }
    if (from_ex) /* PyObject_Call's own packing before partial's: not replayed */
        I->gc_count_unsure = true;
    /* _PyObject_MakeTpCall, then partial_call: keywords merged into a copy */
    SimId argtuple = np ? sim_tuple(S, (size_t)np) : S->empty_tuple;
    if (np)
        for (int i = 0; i < np; i++) {
            sim_incref(S, args[i]);
            sim_tuple_set(S, argtuple, (size_t)i, args[i]);
        }
    else
        sim_incref(S, argtuple);
    SimId kwdict = 0;
    if (nk) {
        kwdict = sim_dict_presized(S, (size_t)nk, true);
        for (int i = 0; i < nk; i++) {
            sim_incref(S, sim_items(S, kwnames)[i]);
            sim_incref(S, args[np + i]);
            sim_dict_set(S, kwdict, sim_items(S, kwnames)[i], args[np + i]);
        }
    }
    SimId dup;
    SimId kw2 = dict_copy(I, pkw);
    if (kwdict)
        dict_merge(I, kw2, kwdict, DICT_MERGE_SET, &dup);
    SimId args2;
    if (pn == 0) {
        sim_incref(S, argtuple);
        args2 = argtuple;
    } else {
        args2 = op_binary(I, OP_ADD, pargs, argtuple, false);
    }
    SimId r = args2 ? call_tuple_dict(I, fn, args2, kw2) : 0;
    sim_xdecref(S, args2);
    sim_decref(S, kw2);
    sim_decref(S, argtuple);
    sim_xdecref(S, kwdict);
    return r;
}

static bool ft_partial_repr(PyRun *I, SimId p, Buf *out)
{
    buf_adds(out, "functools.partial(");
    if (!op_repr(I, REFS(p)[PT_FN], out))
        return false;
    SimId pargs = REFS(p)[PT_ARGS], pkw = REFS(p)[PT_KW];
    for (uint32_t i = 0; i < sim_obj(S, pargs)->len; i++) {
        buf_adds(out, ", ");
        if (!op_repr(I, sim_items(S, pargs)[i], out))
            return false;
    }
    uint32_t pos = 0;
    SimId k, v;
    while (sim_dict_next(S, pkw, &pos, &k, &v)) {
        buf_adds(out, ", ");
        if (!op_str(I, k, out))
            return false;
        buf_addc(out, '=');
        if (!op_repr(I, v, out))
            return false;
    }
    buf_addc(out, ')');
    return true;
}

static SimId partial_attr(PyRun *I, SimId p, const char *name, bool *found)
{
    int slot = strcmp(name, "func") == 0 ? PT_FN : strcmp(name, "args") == 0 ? PT_ARGS
               : strcmp(name, "keywords") == 0 ? PT_KW : -1;
    if (slot < 0)
        return 0;
    *found = true;
    sim_incref(S, REFS(p)[slot]);
    return REFS(p)[slot];
}

/* ---- the objects' protocol (types/native.c) -------------------------------------------------- */

SimId functools_native_call(PyRun *I, SimId obj, SimId *args, int nargs, SimId kwnames)
{
    if (sim_xtype_of(S, obj) == SIM_XT_FT_PARTIAL)
        return ft_partial_call(I, obj, args, nargs, kwnames);
    return ft_lru_call(I, obj, args, nargs, kwnames);
}

bool functools_native_repr(PyRun *I, SimId obj, Buf *out)
{
    if (sim_xtype_of(S, obj) == SIM_XT_FT_PARTIAL)
        return ft_partial_repr(I, obj, out);
    return ft_lru_repr(I, obj, out);
}

SimId functools_native_attr(PyRun *I, SimId obj, const char *name, bool *found)
{
    if (sim_xtype_of(S, obj) == SIM_XT_FT_PARTIAL)
        return partial_attr(I, obj, name, found);
    return ft_lru_attr(I, obj, name, found);
}

/* ---- the module -------------------------------------------------------------------------------- */

const BuiltinDef functools_functions[] = {
    BUILTIN("reduce", 0, BM_FUNCTOOLS, ft_reduce, .style = ARGS_RANGE, .min = 2, .max = 3),
    BUILTIN("partial", 0, BM_FUNCTOOLS, ft_partial, .kw = "*"),
    FT_WRAP_DEFS,
    FT_ORDER_DEFS,
    FT_LRU_DEFS,
};
const int functools_nfunctions = (int)(sizeof functools_functions / sizeof functools_functions[0]);

void functools_module_init(PyRun *I, SimId d) { ft_wrap_init(I, d); }

void functools_on_import(PyRun *I) { std_import(I, STD_FUNCTOOLS); }
