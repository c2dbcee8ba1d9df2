/*
 * array_ops: array.array's methods, subscription (items and slices, their
 * assignment and deletion through array_resize), + * += *=, `in`,
 * comparison item by item, and the repr (which goes through tolist, as
 * array_repr does: its list is an allocation the collector counts).
 */
#include <stdlib.h>
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/types/array_int.h"
#include "pyrun/types/types.h"

#define S (I->sim)

/* ---- methods ------------------------------------------------------------------ */

static SimId ar_append(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return array_append(I, a[0], a[1]) ? bi_none(I) : 0;
}

static SimId ar_extend(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (n != 2) {
        py_raise(I, EXC_TypeError, "extend() takes exactly 1 positional argument (%d given)", n - 1);
        return 0;
    }
    return array_extend(I, a[0], a[1]) ? bi_none(I) : 0;
}

/* fromlist(list): one resize to its new length, then each item stored;
 * an item that does not convert shrinks it back (array_array_fromlist) */
static SimId ar_fromlist(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    if (sim_kind(S, a[1]) != SK_LIST) {
        py_raise(I, EXC_TypeError, "arg must be list");
        return 0;
    }
    size_t old = sim_obj(S, a[0])->len, m = sim_obj(S, a[1])->len;
    if (m == 0)
        return bi_none(I);
    if (!array_resize(I, a[0], old + m))
        return 0;
    for (size_t i = 0; i < m; i++) {
        if (!array_put(I, a[0], old + i, sim_items(S, a[1])[i])) {
            if (!I->refused)
                array_resize(I, a[0], old);
            return 0;
        }
    }
    return bi_none(I);
}

/* array_del_slice of [lo, hi): the tail moved down, then array_resize */
static bool del_range(PyRun *I, SimId a, size_t lo, size_t hi)
{
    size_t n = sim_obj(S, a)->len, w = array_isz(I, a);
    uint8_t *p = array_raw(I, a);
    memmove(p + lo * w, p + hi * w, (n - hi) * w);
    return array_resize(I, a, n - (hi - lo));
}

static SimId ar_pop(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    int64_t i;
    if (!bi_pop_position(I, a[0], n > 1 ? a[1] : 0, "array", &i))
        return 0;
    SimId v = sim_array_get(S, a[0], (size_t)i);
    if (!del_range(I, a[0], (size_t)i, (size_t)i + 1)) {
        sim_decref(S, v);
        return 0;
    }
    return v;
}

static SimId ar_insert(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    int64_t where, len = sim_obj(S, a[0])->len;
    if (!bi_int_arg(I, a[1], &where))
        return 0;
    if (where < 0)
        where = where + len < 0 ? 0 : where + len;
    if (where > len)
        where = len;
    if (!array_append(I, a[0], a[2])) /* ins1: resize, then the item at its place */
        return 0;
    size_t w = array_isz(I, a[0]);
    uint8_t *p = array_raw(I, a[0]), *item = malloc(w);
    memcpy(item, p + (size_t)len * w, w);
    memmove(p + ((size_t)where + 1) * w, p + (size_t)where * w, (size_t)(len - where) * w);
    memcpy(p + (size_t)where * w, item, w);
    free(item);
    return bi_none(I);
}

/* the first i in [start, stop) whose item == v, -1 when none, -2 on error */
static int64_t find(PyRun *I, SimId a, SimId v, int64_t start, int64_t stop)
{
    for (int64_t i = start; i < stop && i < (int64_t)sim_obj(S, a)->len; i++) {
        SimId it = sim_array_get(S, a, (size_t)i);
        int eq = op_equal(I, it, v);
        sim_decref(S, it);
        if (eq != 0)
            return eq < 0 ? -2 : i;
    }
    return -1;
}

static SimId ar_index(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    int64_t len = sim_obj(S, a[0])->len, start = 0, stop = len;
    if ((n > 2 && !bi_int_arg(I, a[2], &start)) || (n > 3 && !bi_int_arg(I, a[3], &stop)))
        return 0;
    if (start < 0 && (start += len) < 0)
        start = 0;
    if (stop < 0 && (stop += len) < 0)
        stop = 0;
    int64_t i = find(I, a[0], a[1], start, stop);
    if (i == -1)
        py_raise(I, EXC_ValueError, "array.index(x): x not in array");
    return i >= 0 ? sim_int(S, i) : 0;
}

static SimId ar_remove(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    int64_t i = find(I, a[0], a[1], 0, sim_obj(S, a[0])->len);
    if (i == -1)
        py_raise(I, EXC_ValueError, "array.remove(x): x not in array");
    if (i < 0 || !del_range(I, a[0], (size_t)i, (size_t)i + 1))
        return 0;
    return bi_none(I);
}

static SimId ar_count(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    int64_t c = 0;
    for (uint32_t i = 0; i < sim_obj(S, a[0])->len; i++) {
        SimId it = sim_array_get(S, a[0], i);
        int eq = op_equal(I, it, a[1]);
        sim_decref(S, it);
        if (eq < 0)
            return 0;
        c += eq;
    }
    return sim_int(S, c);
}

static SimId ar_reverse(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    size_t len = sim_obj(S, a[0])->len, w = array_isz(I, a[0]);
    uint8_t *p = array_raw(I, a[0]), t[8];
    for (size_t i = 0; i < len / 2; i++) {
        memcpy(t, p + i * w, w);
        memcpy(p + i * w, p + (len - 1 - i) * w, w);
        memcpy(p + (len - 1 - i) * w, t, w);
    }
    return bi_none(I);
}

static SimId ar_tolist(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    uint32_t len = sim_obj(S, a[0])->len;
    SimId l = sim_list(S, len);
    if (sim_nomem(S)) {
        sim_decref(S, l);
        py_no_memory(I);
        return 0;
    }
    for (uint32_t i = 0; i < len; i++) {
        SimId item = sim_array_get(S, a[0], i);
        sim_items(S, l)[i] = item;
    }
    return l;
}

static SimId ar_tobytes(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    size_t nb = (size_t)sim_obj(S, a[0])->len * array_isz(I, a[0]);
    uint8_t *copy = malloc(nb + 1);
    memcpy(copy, array_raw(I, a[0]), nb);
    SimId r = sim_bytes_shared(S, copy, nb);
    free(copy);
    return r;
}

#define AR(nm, f, ...) BUILTIN(nm, SK_ARRAY, 0, f, __VA_ARGS__)
const BuiltinDef array_methods[] = {
    AR("append", ar_append, .style = ARGS_ONE),
    AR("extend", ar_extend, .style = ARGS_OWN),
    AR("fromlist", ar_fromlist, .style = ARGS_ONE),
    AR("pop", ar_pop, .style = ARGS_RANGE, .min = 0, .max = 1),
    AR("insert", ar_insert, .style = ARGS_RANGE, .min = 2, .max = 2),
    AR("index", ar_index, .style = ARGS_RANGE, .min = 1, .max = 3),
    AR("remove", ar_remove, .style = ARGS_ONE),
    AR("count", ar_count, .style = ARGS_ONE),
    AR("reverse", ar_reverse, .style = ARGS_NONE),
    AR("tolist", ar_tolist, .style = ARGS_NONE),
    AR("tobytes", ar_tobytes, .style = ARGS_NONE),
    AR("buffer_info", ar_tolist, .refused = true), /* the address of its buffer */
};
const int array_nmethods = (int)(sizeof array_methods / sizeof array_methods[0]);

/* ---- subscription ---------------------------------------------------------------- */

static bool slice_count(PyRun *I, SimId key, int64_t len, int64_t *start, int64_t *stop, int64_t *step, int64_t *count)
{
    if (!slice_bounds_of(I, key, len, start, stop, step))
        return false;
    *count = 0;
    for (int64_t i = *start; *step > 0 ? i < *stop : i > *stop; i += *step)
        (*count)++;
    return true;
}

SimId array_getitem(PyRun *I, SimId a, SimId key)
{
    int64_t len = sim_obj(S, a)->len, start, stop, step, count;
    if (slice_is(I, key)) {
        if (!slice_count(I, key, len, &start, &stop, &step, &count))
            return 0;
        SimId r = array_fresh(I, array_code(I, a), NULL, (size_t)count);
        size_t w = array_isz(I, a);
        for (int64_t c = 0; r && c < count; c++)
            memcpy(array_raw(I, r) + (size_t)c * w, array_raw(I, a) + (size_t)(start + c * step) * w, w);
        return r;
    }
    SimKind k = sim_kind(S, key);
    if (k != SK_INT && k != SK_BOOL) {
        py_raise(I, EXC_TypeError, "array indices must be integers");
        return 0;
    }
    int64_t i = sim_obj(S, key)->v.i;
    if (i < 0)
        i += len;
    if (sim_obj(S, key)->sub == 1 || i < 0 || i >= len) {
        py_raise(I, EXC_IndexError, "array index out of range");
        return 0;
    }
    return sim_array_get(S, a, (size_t)i);
}

/* array_ass_subscr of a slice: an array of the same kind (a copy when it
 * is a itself), or a deletion (v 0) */
static bool set_slice(PyRun *I, SimId a, SimId key, SimId v)
{
    if (v && sim_kind(S, v) != SK_ARRAY) {
        py_raise(I, EXC_TypeError, "can only assign array (not \"%s\") to array slice", op_typename(I, v));
        return false;
    }
    if (v && array_code(I, v) != array_code(I, a)) {
        py_raise(I, EXC_TypeError, "bad argument type for built-in operation");
        return false;
    }
    int64_t len = sim_obj(S, a)->len, start, stop, step, count;
    if (!slice_count(I, key, len, &start, &stop, &step, &count))
        return false;
    size_t w = array_isz(I, a), needed = v ? sim_obj(S, v)->len : 0;
    uint8_t *src = malloc(needed * w + 1);
    if (v)
        memcpy(src, array_raw(I, v), needed * w);
    bool ok = true;
    if ((step < 0 && start < stop) || (step > 0 && start > stop))
        stop = start;
    if (step == 1) {
        size_t n = (size_t)len, lo = (size_t)start, hi = lo + (size_t)count;
        if ((size_t)count > needed) {
            memmove(array_raw(I, a) + (lo + needed) * w, array_raw(I, a) + hi * w, (n - hi) * w);
            ok = array_resize(I, a, n + needed - (size_t)count);
        } else if ((size_t)count < needed) {
            ok = array_resize(I, a, n + needed - (size_t)count);
            if (ok)
                memmove(array_raw(I, a) + (lo + needed) * w, array_raw(I, a) + hi * w, (n - hi) * w);
        }
        if (ok && needed)
            memcpy(array_raw(I, a) + lo * w, src, needed * w);
    } else if (v && needed != (size_t)count) {
        py_raise(I, EXC_ValueError, "attempt to assign array of size %zu to extended slice of size %lld", needed,
                 (long long)count);
        ok = false;
    } else if (v) {
        for (int64_t c = 0; c < count; c++)
            memcpy(array_raw(I, a) + (size_t)(start + c * step) * w, src + (size_t)c * w, w);
    } else if (count > 0) { /* an extended deletion: the kept items close up */
        char *gone = calloc((size_t)len, 1);
        size_t keep = 0;
        for (int64_t c = 0; c < count; c++)
            gone[start + c * step] = 1;
        for (int64_t i = 0; i < len; i++)
            if (!gone[i])
                memmove(array_raw(I, a) + keep++ * w, array_raw(I, a) + (size_t)i * w, w);
        free(gone);
        ok = array_resize(I, a, keep);
    }
    free(src);
    return ok;
}

bool array_setitem(PyRun *I, SimId a, SimId key, SimId v)
{
    if (slice_is(I, key))
        return set_slice(I, a, key, v);
    SimKind k = sim_kind(S, key);
    if (k != SK_INT && k != SK_BOOL) {
        py_raise(I, EXC_TypeError, "array indices must be integers");
        return false;
    }
    int64_t len = sim_obj(S, a)->len, i = sim_obj(S, key)->v.i;
    if (i < 0)
        i += len;
    if (sim_obj(S, key)->sub == 1 || i < 0 || i >= len) {
        py_raise(I, EXC_IndexError, "array assignment index out of range");
        return false;
    }
    return v ? array_put(I, a, (size_t)i, v) : del_range(I, a, (size_t)i, (size_t)i + 1);
}

/* ---- operators --------------------------------------------------------------------- */

SimId array_binary(PyRun *I, int op, SimId a, SimId b, bool inplace, bool *handled)
{
    *handled = true;
    SimKind ka = sim_kind(S, a), kb = sim_kind(S, b);
    if (op == OP_ADD && ka == SK_ARRAY) {
        if (kb != SK_ARRAY) {
            py_raise(I, EXC_TypeError, inplace ? "can only extend array with array (not \"%s\")"
                                               : "can only append array (not \"%s\") to array", op_typename(I, b));
            return 0;
        }
        if (array_code(I, a) != array_code(I, b)) {
            py_raise(I, EXC_TypeError, "bad argument type for built-in operation");
            return 0;
        }
        if (inplace) {
            if (!array_extend(I, a, b))
                return 0;
            sim_incref(S, a);
            return a;
        }
        size_t na = sim_obj(S, a)->len, nb = sim_obj(S, b)->len, w = array_isz(I, a);
        SimId r = array_fresh(I, array_code(I, a), NULL, na + nb);
        if (r) {
            memcpy(array_raw(I, r), array_raw(I, a), na * w);
            memcpy(array_raw(I, r) + na * w, array_raw(I, b), nb * w);
        }
        return r;
    }
    SimId seq = ka == SK_ARRAY ? a : b, count = ka == SK_ARRAY ? b : a;
    if (op == OP_MUL && (sim_kind(S, count) == SK_INT || sim_kind(S, count) == SK_BOOL)) {
        if (sim_obj(S, count)->sub == 1)
            return py_not_modelled(I, 0, "an array repeated a number of times beyond 64 bits"), 0;
        int64_t times = sim_obj(S, count)->v.i < 0 ? 0 : sim_obj(S, count)->v.i;
        size_t n = sim_obj(S, seq)->len, w = array_isz(I, seq);
        if (n && (uint64_t)times > (uint64_t)INT32_MAX / n) {
            py_no_memory(I);
            return 0;
        }
        size_t total = n * (size_t)times;
        uint8_t *copy = malloc(n * w + 1);
        memcpy(copy, array_raw(I, seq), n * w);
        SimId r = 0;
        if (inplace && seq == a) {
            if (n > 0 && array_resize(I, a, total)) { /* array_inplace_repeat: nothing to do when empty */
                sim_incref(S, a);
                r = a;
            } else if (n == 0) {
                sim_incref(S, a);
                r = a;
            }
        } else {
            r = array_fresh(I, array_code(I, seq), NULL, total);
        }
        for (size_t i = 0; r && i < total; i++)
            memcpy(array_raw(I, r) + i * w, copy + (i % n) * w, w);
        free(copy);
        return r;
    }
    if (op == OP_MUL && sim_kind(S, count) != SK_INSTANCE && ka == SK_ARRAY) {
        py_raise(I, EXC_TypeError, "can't multiply sequence by non-int of type '%s'", op_typename(I, count));
        return 0;
    }
    *handled = false;
    return 0;
}

int array_contains(PyRun *I, SimId a, SimId v)
{
    int64_t i = find(I, a, v, 0, sim_obj(S, a)->len);
    return i == -2 ? -1 : i >= 0;
}

/* array_richcompare: the first differing pair decides, else the lengths;
 * -2 with the error raised */
int array_order(PyRun *I, SimId a, SimId b, bool eq_only)
{
    uint32_t na = sim_obj(S, a)->len, nb = sim_obj(S, b)->len;
    if (eq_only && na != nb)
        return 1;
    for (uint32_t i = 0; i < na && i < nb; i++) {
        SimId x = sim_array_get(S, a, i), y = sim_array_get(S, b, i);
        int eq = op_equal(I, x, y);
        int r = eq == 1 ? 0 : eq < 0 ? -2 : eq_only ? 1 : 2;
        if (r == 2) {
            SimId lt = op_compare(I, OP_LT, x, y);
            r = !lt ? -2 : lt == S->true_ ? -1 : 1;
            sim_xdecref(S, lt);
        }
        sim_decref(S, x);
        sim_decref(S, y);
        if (r != 0)
            return r;
    }
    return na < nb ? -1 : na > nb;
}

bool array_repr(PyRun *I, SimId a, Buf *out)
{
    char tc = array_code(I, a);
    if (sim_obj(S, a)->len == 0) {
        buf_printf(out, "array('%c')", tc);
        return true;
    }
    SimId self[1] = {a};
    SimId l = ar_tolist(I, self, 1, 0);
    if (!l)
        return false;
    buf_printf(out, "array('%c', ", tc);
    bool ok = op_repr(I, l, out);
    buf_addc(out, ')');
    sim_decref(S, l);
    return ok;
}
