/*
 * slice: the slice type (Objects/sliceobject.c).  `a[i:j:k]` and slice()
 * make one: 56 bytes with its GC header, tracked, holding start, stop and
 * step (None where absent); the interpreter keeps one freed slice for the
 * next (slice_cache: sim_slice and the dealloc in sim/heap.c), so slicing
 * in a loop allocates nothing.  Here: the constructor, its attributes and
 * indices(), its repr, comparisons, and the bounds the sequence types
 * slice with (PySlice_Unpack and PySlice_AdjustIndices).
 */
#include <stdint.h>
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/types/native.h"
#include "pyrun/types/types.h"

#define S (I->sim)

enum { R_STEP, R_START, R_STOP }; /* the payload's order: slice_dealloc's */

bool slice_is(PyRun *I, SimId v) { return sim_kind(S, v) == SK_ITER && sim_xtype_of(S, v) == SIM_XT_SLICE; }

SimId slice_part(PyRun *I, SimId sl, SlicePart which)
{
    static const int at[] = {[SLICE_START] = R_START, [SLICE_STOP] = R_STOP, [SLICE_STEP] = R_STEP};
    return sim_obj(S, sl)->len == 3 ? sim_iter_refs(S, sl)[at[which]] : S->none;
}

SimId slice_new(PyRun *I, SimId start, SimId stop, SimId step)
{
    return sim_slice(S, start ? start : sim_none(S), stop ? stop : sim_none(S), step ? step : sim_none(S));
}

/* slice(stop), slice(start, stop[, step]): tp_call, so an argument tuple */
SimId slice_construct(PyRun *I, SimId *a, int n, SimId kw)
{
    if (kw && sim_obj(S, kw)->len) {
        py_raise(I, EXC_TypeError, "slice() takes no keyword arguments");
        return 0;
    }
    bi_args_tuple(I, n);
    SimId part[3] = {0, a[0], 0};
    if (n >= 2)
        part[0] = a[0], part[1] = a[1], part[2] = n == 3 ? a[2] : 0;
    for (int i = 0; i < 3; i++)
        if (part[i])
            sim_incref(S, part[i]);
    return slice_new(I, part[0], part[1], part[2]);
}

bool slice_repr(PyRun *I, SimId sl, Buf *out)
{
    buf_adds(out, "slice(");
    for (int i = 0; i < 3; i++) {
        if (i)
            buf_adds(out, ", ");
        if (!op_repr(I, slice_part(I, sl, (SlicePart)i), out))
            return false;
    }
    buf_addc(out, ')');
    return true;
}

/* an index as _PyEval_SliceIndex takes it (an int; None is the default) */
static bool index_value(PyRun *I, SimId v, int64_t *out, const char *msg)
{
    SimKind k = sim_kind(S, v);
    if (dunder_index_hooked(I, v)) { /* _PyEval_SliceIndex: its __index__ */
        SimId r = dunder_index(I, v);
        if (r != S->notimpl) {
            bool ok = r && index_value(I, r, out, msg);
            sim_xdecref(S, r);
            return ok;
        }
    }
    if (k == SK_INT && sim_obj(S, v)->sub == 1 && msg[0] == 's') { /* beyond 64 bits: clamped */
        *out = sim_obj(S, v)->v.i < 0 ? -INT64_MAX : INT64_MAX;
        return true;
    }
    if ((k != SK_INT && k != SK_BOOL) || sim_obj(S, v)->sub != 0) {
        if (k == SK_INT && sim_obj(S, v)->sub != 0) /* a big int, or a count the model cannot state */
            return py_not_modelled(I, 0, "a slice bound beyond 64 bits or of an unsure reference count");
        py_raise(I, EXC_TypeError, "%s", msg);
        return false;
    }
    *out = sim_obj(S, v)->v.i;
    return true;
}

/* PySlice_Unpack then PySlice_AdjustIndices: the bounds of sl over len
 * items (start, stop clamped, step), false with the error raised */
bool slice_bounds_of(PyRun *I, SimId sl, int64_t len, int64_t *start, int64_t *stop, int64_t *step)
{
    static const char msg[] = "slice indices must be integers or None or have an __index__ method";
    SimId p0 = slice_part(I, sl, SLICE_START), p1 = slice_part(I, sl, SLICE_STOP), p2 = slice_part(I, sl, SLICE_STEP);
    *step = 1;
    if (p2 != S->none && !index_value(I, p2, step, msg))
        return false;
    if (*step == 0) {
        py_raise(I, EXC_ValueError, "slice step cannot be zero");
        return false;
    }
    int64_t lo = *step < 0 ? -1 : 0, hi = *step < 0 ? len - 1 : len;
    for (int i = 0; i < 2; i++) {
        SimId p = i ? p1 : p0;
        int64_t *dst = i ? stop : start, v;
        if (p == S->none) {
            *dst = (*step < 0) == (i == 0) ? hi : lo;
            continue;
        }
        if (!index_value(I, p, &v, msg))
            return false;
        if (v < 0) {
            v += len;
            if (v < 0)
                v = lo;
        } else if (v >= len) {
            v = hi;
        }
        *dst = v;
    }
    return true;
}

/* slice.indices(length): the same bounds, for any length >= 0 */
static SimId indices(PyRun *I, SimId sl, SimId arg)
{
    int64_t len, start, stop, step;
    if (!index_value(I, arg, &len, "'%s' object cannot be interpreted as an integer")) {
        if (I->ts->err.set && !I->refused) { /* the message names the argument's type */
            py_err_clear(I);
            py_raise(I, EXC_TypeError, "'%s' object cannot be interpreted as an integer", op_typename(I, arg));
        }
        return 0;
    }
    if (len < 0) {
        py_raise(I, EXC_ValueError, "length should not be negative");
        return 0;
    }
    if (!slice_bounds_of(I, sl, len, &start, &stop, &step))
        return 0;
    SimId t = sim_tuple(S, 3);
    sim_tuple_set(S, t, 0, sim_int(S, start));
    sim_tuple_set(S, t, 1, sim_int(S, stop));
    sim_tuple_set(S, t, 2, sim_int(S, step));
    return t;
}

static SimId m_indices(PyRun *I, SimId *a, int n, SimId kw)
{
    if ((kw && sim_obj(S, kw)->len) || n != 2) { /* METH_O */
        py_raise(I, EXC_TypeError, kw && sim_obj(S, kw)->len ? "slice.indices() takes no keyword arguments"
                                                              : "slice.indices() takes exactly one argument (%d given)", n - 1);
        return 0;
    }
    return indices(I, a[0], a[1]);
}

/* bound by slice_attr only (owner 0: no object's kind finds it by name) */
const BuiltinDef slice_methods[] = {
    BUILTIN("indices", 0, 0, m_indices, .style = ARGS_OWN, .kw = "*"),
};
const int slice_nmethods = (int)(sizeof slice_methods / sizeof slice_methods[0]);

SimId slice_attr(PyRun *I, SimId sl, const char *name, bool *found)
{
    static const char *const parts[] = {"start", "stop", "step"};
    *found = true;
    for (int i = 0; i < 3; i++)
        if (strcmp(name, parts[i]) == 0) {
            SimId v = slice_part(I, sl, (SlicePart)i);
            sim_incref(S, v);
            return v;
        }
    if (strcmp(name, "indices") == 0)
        return native_bound(I, &slice_methods[0], sl);
    *found = false;
    return 0;
}

/* slice_richcompare: the two (start, stop, step) compared as tuples; 1, 0,
 * -1 on error, 2 when an order is asked of unequal parts that have none */
int slice_compare(PyRun *I, int op, SimId a, SimId b)
{
    for (int i = 0; i < 3; i++) {
        SimId x = slice_part(I, a, (SlicePart)i), y = slice_part(I, b, (SlicePart)i);
        int eq = op_equal(I, x, y);
        if (eq < 0)
            return -1;
        if (eq)
            continue;
        if (op == OP_EQ || op == OP_NE)
            return op == OP_NE;
        SimId r = op_compare(I, op, x, y);
        if (!r)
            return -1;
        int t = op_truth(I, r);
        sim_decref(S, r);
        return t;
    }
    return op == OP_EQ || op == OP_LE || op == OP_GE;
}
