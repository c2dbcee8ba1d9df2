/*
 * builtins_reduce: the builtins that consume an iterable to one answer:
 * min, max, sum, any, all and sorted (bltinmodule.c's min_max, builtin_sum,
 * builtin_any, builtin_all, builtin_sorted).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/modules/itertools.h"
#include "pyrun/modules/tracemalloc.h"
#include "pyrun/types/types.h"
#include "sim/gc.h"

#define S (I->sim)

/* min_max: 3.11 and 3.12 take the call as METH_VARARGS|METH_KEYWORDS (an
 * argument tuple, a dict of the keywords); 3.13's is a vectorcall.  The
 * items come from an iterator over the one argument, or over the tuple
 * (3.13: the arguments as they are), each key computed as it comes. */
static SimId minmax(PyRun *I, SimId *a, int n, SimId kw, bool want_max)
{
    const char *name = want_max ? "max" : "min";
    int np = bi_npos(I, n, kw);
    bool vectorcall = S->prof->version >= SIM_V313;
    TpArgs t = {0, 0};
    if (!vectorcall)
        t = tp_args(I, a, n, kw);
    if (vectorcall && kw && !I->minmax_kwtuple[want_max]) { /* its _PyArg_Parser's first use */
        SimId names = sim_tuple(S, 2);
        sim_tuple_set(S, names, 0, sim_str_intern(S, "key", 3));
        sim_tuple_set(S, names, 1, sim_str_intern(S, "default", 7));
        I->minmax_kwtuple[want_max] = names;
    }
    SimId key = bi_kwarg(I, a, n, kw, "key"), dflt = bi_kwarg(I, a, n, kw, "default");
    if (key && sim_kind(S, key) == SK_NONE)
        key = 0;
    if (np == 0) {
        py_raise(I, EXC_TypeError, "%s expected at least 1 argument, got 0", name);
        return tp_args_done(I, &t, 0);
    }
    if (np > 1 && dflt) {
        py_raise(I, EXC_TypeError, "Cannot specify a default for %s() with multiple positional arguments", name);
        return tp_args_done(I, &t, 0);
    }
    SimId it = 0;
    if (np == 1 || t.args) {
        it = iter_get(I, np == 1 ? a[0] : t.args);
        if (!it)
            return tp_args_done(I, &t, 0);
    }
    SimId best = 0, best_key = 0;
    bool ok = true;
    for (int next = 0;;) {
        SimId item;
        if (it) {
            int got = iter_step(I, it, &item);
            if (got <= 0) {
                ok = got == 0;
                break;
            }
        } else {
            if (next == np)
                break;
            item = a[next++];
            sim_incref(S, item);
        }
        SimId k = item;
        if (key && !(k = vm_call(I, key, &item, 1))) {
            sim_decref(S, item);
            ok = false;
            break;
        }
        if (!key)
            sim_incref(S, k);
        if (!best) {
            best = item, best_key = k;
            continue;
        }
        SimId r = op_compare(I, want_max ? OP_GT : OP_LT, k, best_key);
        int cmp = !r ? -1 : r == S->true_ ? 1 : op_truth(I, r);
        sim_xdecref(S, r);
        if (cmp > 0) {
            sim_decref(S, best_key), sim_decref(S, best);
            best = item, best_key = k;
        } else {
            sim_decref(S, item), sim_decref(S, k);
        }
        if (cmp < 0) {
            ok = false;
            break;
        }
    }
    if (ok && !best) {
        if (dflt) {
            sim_incref(S, dflt);
            best = dflt;
        } else if (S->prof->version == SIM_V311) {
            py_raise(I, EXC_ValueError, "%s() arg is an empty sequence", name);
        } else {
            py_raise(I, EXC_ValueError, "%s() iterable argument is empty", name);
        }
    }
    sim_xdecref(S, best_key);
    if (!ok && best) {
        sim_decref(S, best);
        best = 0;
    }
    sim_xdecref(S, it);
    return tp_args_done(I, &t, best);
}

SimId builtin_min(PyRun *I, SimId *a, int n, SimId kw) { return minmax(I, a, n, kw, false); }
SimId builtin_max(PyRun *I, SimId *a, int n, SimId kw) { return minmax(I, a, n, kw, true); }

/* builtin_sum's float loop: the float (and small int, of any int class:
 * PyLong_Check) items after *acc (an exact float, released first as
 * Py_SETREF(result, NULL) does); 3.11 adds them as doubles, 3.12+ with
 * Neumaier's compensated sum.  *acc becomes the sum (a new float) and *v the
 * item it stopped at, to be added the generic way (*got 1), or 0 at the end
 * (*got 0); on an error (*got -1) *acc is 0. */
static void float_sum(PyRun *I, SimId it, SimId *acc, SimId *v, int *got)
{
    double f = sim_obj(S, *acc)->v.f, c = 0.0;
    sim_decref(S, *acc);
    *acc = 0;
    SimId item = 0;
    while ((*got = iter_step(I, it, &item)) > 0) {
        SimKind k = sim_kind(S, item);
        if (k == SK_FLOAT && !sim_obj(S, item)->type) { /* PyFloat_CheckExact; an int subclass is read as an int */
            double x = sim_obj(S, item)->v.f, t = f + x;
            if (S->prof->version != SIM_V311)
                c += fabs(f) >= fabs(x) ? (f - t) + x : (x - t) + f;
            f = t;
        } else if ((k == SK_INT || k == SK_BOOL) && sim_obj(S, item)->sub != 1) {
            f += (double)sim_obj(S, item)->v.i;
        } else {
            break;
        }
        sim_decref(S, item);
        item = 0;
    }
    if (*got < 0)
        return;
    if (c != 0.0 && isfinite(c)) /* keeps the sign of -0.0 and an overflow's infinity */
        f += c;
    *acc = sim_float(S, f); /* PyFloat_FromDouble */
    *v = item;
}

SimId builtin_sum(PyRun *I, SimId *a, int n, SimId kw)
{
    int np = bi_npos(I, n, kw);
    if (np < 1) {
        py_raise(I, EXC_TypeError, "sum() takes at least 1 positional argument (0 given)");
        return 0;
    }
    if (!bi_nargs(I, "sum", np, 1, 2))
        return 0;
    SimId start = np == 2 ? a[1] : bi_kwarg(I, a, n, kw, "start");
    SimId acc = start ? start : S->small_int[5];
    sim_incref(S, acc);
    SimId it = iter_new(I, a[0]);
    if (!it) {
        sim_decref(S, acc);
        if (!I->ts->err.set && !I->refused)
            py_raise(I, EXC_TypeError, "'%s' object is not iterable", op_typename(I, a[0]));
        return 0;
    }
    SimKind sk = start ? sim_kind(S, start) : SK_INT;
    if (sk == SK_STR || sk == SK_BYTES || sk == SK_BYTEARRAY) { /* builtin_sum_impl refuses them */
        py_raise(I, EXC_TypeError, sk == SK_STR ? "sum() can't sum strings [use ''.join(seq) instead]"
                                   : sk == SK_BYTES ? "sum() can't sum bytes [use b''.join(seq) instead]"
                                                    : "sum() can't sum bytearray [use b''.join(seq) instead]");
        sim_decref(S, acc);
        sim_decref(S, it);
        return 0;
    }
    SimId v;
    int got;
    if (sim_kind(S, acc) == SK_INT && sim_obj(S, acc)->sub == 0 && !sim_obj(S, acc)->type) { /* PyLong_CheckExact */
        /* builtin_sum_impl's int loop: a C long until an item is no int or
         * the sum overflows, then the int object and the generic way */
        int64_t total = sim_obj(S, acc)->v.i;
        sim_decref(S, acc);
        acc = 0;
        while (!acc) {
            if ((got = iter_step(I, it, &v)) <= 0) {
                sim_decref(S, it);
                /* 3.11: PyLong_FromLong; 3.12+: PyLong_FromSsize_t (no padding) */
                return got < 0 ? 0 : S->prof->version == SIM_V311 ? sim_int(S, total) : sim_int_digits(S, total);
            }
            SimKind k = sim_kind(S, v);
            int64_t sum;
            if (((k == SK_INT && sim_obj(S, v)->sub == 0 && !sim_obj(S, v)->type) || k == SK_BOOL) && /* exact */
                !__builtin_add_overflow(total, sim_obj(S, v)->v.i, &sum)) {
                total = sum;
                sim_decref(S, v);
                continue;
            }
            SimId sofar = sim_int(S, total);
            acc = op_binary(I, OP_ADD, sofar, v, false);
            sim_decref(S, sofar);
            sim_decref(S, v);
            if (!acc) {
                sim_decref(S, it);
                return 0;
            }
        }
    }
    bool pending = false; /* an item the float loop stopped at */
    if (sim_kind(S, acc) == SK_FLOAT && !sim_obj(S, acc)->type) { /* once, after the int loop */
        float_sum(I, it, &acc, &v, &got);
        if (got <= 0) {
            sim_decref(S, it);
            return acc;
        }
        pending = true;
    }
    while (pending || (got = iter_step(I, it, &v)) > 0) {
        pending = false;
        SimId r = op_binary(I, OP_ADD, acc, v, false);
        sim_decref(S, acc);
        sim_decref(S, v);
        if (!r) {
            sim_decref(S, it);
            return 0;
        }
        acc = r;
    }
    sim_decref(S, it);
    if (got < 0) { /* the iterator failed (a generator's exception) */
        sim_decref(S, acc);
        return 0;
    }
    return acc;
}

/* any() and all(): builtin_any/builtin_all, stopping at the first item
 * whose truth decides (the iterator and the items go as they are read). */
static SimId any_all(PyRun *I, SimId *a, int n, bool any)
{
    if (!bi_nargs(I, any ? "any" : "all", n, 1, 1))
        return 0;
    SimId it = iter_new(I, a[0]);
    if (!it) {
        if (!I->ts->err.set && !I->refused)
            py_raise(I, EXC_TypeError, "'%s' object is not iterable", op_typename(I, a[0]));
        return 0;
    }
    SimId v;
    int got;
    while ((got = iter_step(I, it, &v)) > 0) {
        int t = op_truth(I, v);
        sim_decref(S, v);
        if (t < 0) {
            sim_decref(S, it);
            return 0;
        }
        if (t == any) {
            sim_decref(S, it);
            return sim_bool(S, any);
        }
    }
    sim_decref(S, it);
    return got < 0 ? 0 : sim_bool(S, !any);
}

SimId builtin_any(PyRun *I, SimId *a, int n, SimId kw) { (void)kw; return any_all(I, a, n, true); }
SimId builtin_all(PyRun *I, SimId *a, int n, SimId kw) { (void)kw; return any_all(I, a, n, false); }

SimId builtin_sorted(PyRun *I, SimId *a, int n, SimId kw)
{
    int np = bi_npos(I, n, kw);
    if (!bi_nargs(I, "sorted", np, 1, 1))
        return 0;
    SimId rev = bi_kwarg(I, a, n, kw, "reverse");
    tm_note_peak_unsure(I, "sorted() (the growth of its new list)");
    SimId l = bi_list_from(I, a[0]);
    if (!l)
        return 0;
    if (!bi_sort_list(I, l, bi_kwarg(I, a, n, kw, "key"), rev && op_truth(I, rev) == 1)) {
        sim_decref(S, l);
        return 0;
    }
    return l;
}
