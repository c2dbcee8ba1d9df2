/*
 * args: helpers the built-in callables use to read their arguments and
 * raise CPython's messages for wrong counts and types.
 */
#include <string.h>

#include "sim/trace.h"
#include "pyrun/builtins.h"
#include "pyrun/types/types.h"

#define S (I->sim)

SimId bi_none(PyRun *I) { return sim_none(S); }

void bi_clinic_kwtuple(PyRun *I, const char *clinic)
{
    if (!S->prof->clinic_kwtuple_lazy || !clinic)
        return;
    const char *names = strchr(clinic, ':');
    size_t idlen = (size_t)(names - clinic);
    for (int i = 0; i < I->nclinic_kw; i++)
        if (I->clinic_kw[i].idlen == idlen && !memcmp(I->clinic_kw[i].id, clinic, idlen))
            return;
    if (I->nclinic_kw == (int)(sizeof I->clinic_kw / sizeof I->clinic_kw[0]))
        return;
    size_t n = 0;
    for (const char *p = names + 1; *p; p += strcspn(p, " "), p += strspn(p, " "))
        n++;
    SimId t = sim_tuple(S, n);
    const char *p = names + 1;
    PmTraceFn tr = sim_trace_pause(S); /* the names are CPython's, from before the program */
    for (size_t i = 0; i < n; i++) {
        size_t len = strcspn(p, " ");
        sim_tuple_set(S, t, i, sim_str_intern(S, p, len));
        p += len;
        p += strspn(p, " ");
    }
    sim_trace_resume(S, tr);
    I->clinic_kw[I->nclinic_kw].id = clinic;
    I->clinic_kw[I->nclinic_kw].idlen = idlen;
    I->clinic_kw[I->nclinic_kw++].names = t;
}

SimId bi_held_tuple(PyRun *I, int n)
{
    if (n <= 0)
        return 0;
    SimId t = sim_tuple(S, (size_t)n);
    for (int i = 0; i < n; i++)
        sim_tuple_set(S, t, (size_t)i, sim_none(S));
    return t;
}

void bi_args_tuple(PyRun *I, int n)
{
    if (n <= 0 || sim_tuple_roundtrip(S, (size_t)n))
        return;
    sim_decref(S, bi_held_tuple(I, n));
}

bool bi_nargs(PyRun *I, const char *name, int nargs, int min, int max)
{
    if (nargs >= min && nargs <= max)
        return true;
    if (min == max && min == 1)
        py_raise(I, EXC_TypeError, "%s() takes exactly one argument (%d given)", name, nargs);
    else if (min == max)
        py_raise(I, EXC_TypeError, "%s expected %d argument%s, got %d", name, min, min == 1 ? "" : "s", nargs);
    else if (nargs < min)
        py_raise(I, EXC_TypeError, "%s expected at least %d argument%s, got %d", name, min, min == 1 ? "" : "s", nargs);
    else
        py_raise(I, EXC_TypeError, "%s expected at most %d argument%s, got %d", name, max, max == 1 ? "" : "s", nargs);
    return false;
}

int bi_npos(PyRun *I, int nargs, SimId kw) { return kw ? nargs - (int)sim_obj(S, kw)->len : nargs; }

SimId bi_kwarg(PyRun *I, SimId *args, int nargs, SimId kw, const char *name)
{
    if (!kw)
        return 0;
    int nk = (int)sim_obj(S, kw)->len;
    for (int i = 0; i < nk; i++)
        if (sim_str_equals(S, sim_items(S, kw)[i], name))
            return args[nargs - nk + i];
    return 0;
}

bool bi_pop_position(PyRun *I, SimId seq, SimId index, const char *what, int64_t *out)
{
    int64_t len = (int64_t)sim_obj(S, seq)->len, i = -1;
    if (index && !bi_int_arg(I, index, &i))
        return false;
    if (len == 0) {
        py_raise(I, EXC_IndexError, "pop from empty %s", what);
        return false;
    }
    if (i < 0)
        i += len;
    if (i < 0 || i >= len) {
        py_raise(I, EXC_IndexError, "pop index out of range");
        return false;
    }
    *out = i;
    return true;
}

bool bi_int_arg(PyRun *I, SimId v, int64_t *out)
{
    SimKind k = sim_kind(S, v);
    if (dunder_index_hooked(I, v)) { /* PyNumber_AsSsize_t / PyNumber_Index: its __index__ */
        SimId r = dunder_index(I, v);
        if (r != S->notimpl) {
            bool ok = r && bi_int_arg(I, r, out);
            sim_xdecref(S, r);
            return ok;
        }
    }
    if (k != SK_INT && k != SK_BOOL) {
        if (dunder_index_hooked(I, v)) /* the hook was looked for */
            py_raise_sure(I, EXC_TypeError, "'%s' object cannot be interpreted as an integer", op_typename(I, v));
        else
            py_raise(I, EXC_TypeError, "'%s' object cannot be interpreted as an integer", op_typename(I, v));
        return false;
    }
    if (sim_obj(S, v)->sub == 1) { /* a big int: its value is not in v.i */
        py_raise(I, EXC_OverflowError, "Python int too large to convert to C ssize_t");
        return false;
    }
    *out = sim_obj(S, v)->v.i;
    return true;
}

SimId bi_seq_fast(PyRun *I, SimId src, const char *not_iterable)
{
    SimKind k = sim_kind(S, src);
    if ((k == SK_LIST || k == SK_TUPLE) && !sim_is_subinst(S, src)) {
        sim_incref(S, src);
        return src;
    }
    SimId it = iter_get(I, src); /* PySequence_Fast words its own TypeError */
    if (!it) {
        if (not_iterable && py_err_matches(I, EXC_TypeError)) {
            py_err_clear(I);
            py_raise(I, EXC_TypeError, "%s", not_iterable);
        }
        return 0;
    }
    SimId l = sim_list(S, 0);
    bool ok = list_extend(I, l, it);
    sim_decref(S, it);
    if (!ok) {
        sim_decref(S, l);
        return 0;
    }
    return l;
}

SimId bi_list_from(PyRun *I, SimId src)
{
    SimId l = sim_list(S, 0);
    if (!list_extend(I, l, src)) {
        sim_decref(S, l);
        return 0;
    }
    return l;
}
