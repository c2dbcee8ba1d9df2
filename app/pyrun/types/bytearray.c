/*
 * bytearray: the mutable bytes type's methods, subscription and slice
 * assignment, and the operators it shares with bytes (+, *, +=, *=, in).
 * Every change of size goes through sim_bytearray_resize, which follows
 * PyByteArray_Resize, so sys.getsizeof shows CPython's over-allocation;
 * the temporary bytearrays CPython makes on the way (extend of an
 * iterable, a slice assigned from bytes or from itself) are made too.
 */
#include <stdlib.h>
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/types/types.h"

#define S (I->sim)

static uint8_t *bytes_of(PyRun *I, SimId b) { return (uint8_t *)sim_items(S, b); }

bool bytes_like(PyRun *I, SimId v)
{
    SimKind k = sim_kind(S, v);
    return k == SK_BYTES || k == SK_BYTEARRAY; /* a subclass of bytes has the buffer too */
}

bool bytes_buffer_refused(PyRun *I, SimId v)
{
    if (sim_kind(S, v) != SK_ARRAY)
        return false;
    py_not_modelled(I, 0, "an array.array used as a bytes-like object (its buffer)");
    return true;
}

bool bytes_byte_value(PyRun *I, SimId v, int *out)
{
    SimKind k = sim_kind(S, v);
    if (k == SK_INSTANCE)
        return py_not_modelled(I, 0, "a byte value given by an object's __index__");
    if (k != SK_INT && k != SK_BOOL) {
        py_raise(I, EXC_TypeError, "'%s' object cannot be interpreted as an integer", op_typename(I, v));
        return false;
    }
    int64_t x = sim_obj(S, v)->v.i;
    if (sim_obj(S, v)->sub == 1 || x < 0 || x > 255) { /* a big int is out of range too */
        py_raise(I, EXC_ValueError, "byte must be in range(0, 256)");
        return false;
    }
    *out = (int)x;
    return true;
}

/* PyByteArray_Resize; false with MemoryError when the budget refuses */
static bool resize(PyRun *I, SimId ba, size_t n)
{
    sim_bytearray_resize(S, ba, n);
    if (sim_obj(S, ba)->len != n) {
        py_no_memory(I);
        return false;
    }
    return true;
}

/* a new bytearray of n bytes copied from d (PyByteArray_FromStringAndSize) */
static SimId fresh(PyRun *I, const uint8_t *d, size_t n)
{
    SimId r = sim_bytearray(S, d, n);
    if (sim_nomem(S) || sim_obj(S, r)->len != n) {
        sim_decref(S, r);
        py_no_memory(I);
        return 0;
    }
    return r;
}

/* bytearray_setslice_linear: bytes [lo, hi) replaced by n bytes of d */
static bool set_linear(PyRun *I, SimId ba, size_t lo, size_t hi, const uint8_t *d, size_t n)
{
    size_t len = sim_obj(S, ba)->len;
    if (n < hi - lo) {
        size_t shrink = hi - lo - n;
        if (lo == 0) { /* the logical start advances */
            sim_bytearray_drop_front(S, ba, shrink);
        } else {
            uint8_t *b = bytes_of(I, ba);
            memmove(b + lo + n, b + hi, len - hi);
            if (!resize(I, ba, len - shrink))
                return false;
        }
    } else if (n > hi - lo) {
        if (!resize(I, ba, len + n - (hi - lo)))
            return false;
        uint8_t *b = bytes_of(I, ba);
        memmove(b + lo + n, b + hi, len - hi);
    }
    if (n)
        memcpy(bytes_of(I, ba) + lo, d, n);
    return true;
}

/* bytearray_setslice: a bytes-like value, copied first when it is the
 * bytearray itself */
static bool set_slice_from(PyRun *I, SimId ba, size_t lo, size_t hi, SimId v)
{
    if (v == ba) {
        SimId copy = fresh(I, bytes_of(I, ba), sim_obj(S, ba)->len);
        bool ok = copy && set_slice_from(I, ba, lo, hi, copy);
        sim_xdecref(S, copy);
        return ok;
    }
    size_t n;
    const uint8_t *d = (const uint8_t *)sim_str_data(S, v, &n);
    uint8_t *tmp = malloc(n + 1); /* the host copy: resizing ba may move v's bytes too */
    memcpy(tmp, d, n);
    bool ok = set_linear(I, ba, lo, hi, tmp, n);
    free(tmp);
    return ok;
}

/* ---- construction from an iterable ----------------------------------------- */

/* bytearray(iterable) past the buffer and int cases: a list or tuple of
 * exact ints sized once, else the iterator appended byte by byte */
bool bytearray_fill(PyRun *I, SimId ba, SimId src)
{
    SimKind k = sim_kind(S, src);
    if ((k == SK_LIST || k == SK_TUPLE) && !sim_is_subinst(S, src)) {
        uint32_t n = sim_obj(S, src)->len;
        bool exact = true;
        if (!resize(I, ba, n))
            return false;
        for (uint32_t i = 0; i < n && exact; i++) {
            SimId v = sim_items(S, src)[i];
            int b;
            if (sim_kind(S, v) != SK_INT) { /* PyLong_CheckExact fails: back to empty, the slow path */
                exact = false;
                resize(I, ba, 0);
                break;
            }
            if (!bytes_byte_value(I, v, &b))
                return false;
            bytes_of(I, ba)[i] = (uint8_t)b;
        }
        if (exact)
            return true;
    }
    SimId it = iter_new(I, src);
    if (!it)
        return false;
    SimId v;
    int got;
    while ((got = iter_step(I, it, &v)) > 0) {
        int b;
        bool ok = bytes_byte_value(I, v, &b);
        sim_decref(S, v);
        size_t len = sim_obj(S, ba)->len;
        if (!ok || !resize(I, ba, len + 1)) {
            got = -1;
            break;
        }
        bytes_of(I, ba)[len] = (uint8_t)b;
    }
    sim_decref(S, it);
    return got == 0;
}

/* ---- methods ----------------------------------------------------------------- */

static SimId ba_append(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    int b;
    if (!bytes_byte_value(I, a[1], &b))
        return 0;
    size_t len = sim_obj(S, a[0])->len;
    if (!resize(I, a[0], len + 1))
        return 0;
    bytes_of(I, a[0])[len] = (uint8_t)b;
    return bi_none(I);
}

/* bytearray_extend of an iterable that is not bytes-like: its iterator,
 * a temporary bytearray sized by the length hint (32 without one) and
 * grown by half, cut to its length, then appended */
static bool extend_iterable(PyRun *I, SimId ba, SimId src)
{
    SimId it = iter_new(I, src);
    if (!it) { /* iter_new raises only what an __iter__ raised */
        if (!I->ts->err.set && !I->refused)
            py_raise(I, EXC_TypeError, "can't extend bytearray with %s", op_typename(I, src));
        return false;
    }
    int64_t size = py_length_hint(I, src, 32);
    SimId tmp = size >= 0 ? fresh(I, NULL, (size_t)size) : 0;
    if (!tmp) {
        sim_decref(S, it);
        return false;
    }
    size_t len = 0;
    SimId v;
    int got;
    while ((got = iter_step(I, it, &v)) > 0) {
        int b;
        bool ok = bytes_byte_value(I, v, &b);
        sim_decref(S, v);
        if (!ok) {
            got = -1;
            break;
        }
        bytes_of(I, tmp)[len++] = (uint8_t)b;
        if ((int64_t)len >= size) {
            size = (int64_t)len + (int64_t)(len >> 1) + 1;
            if (!resize(I, tmp, (size_t)size)) {
                got = -1;
                break;
            }
        }
    }
    sim_decref(S, it);
    bool ok = got == 0 && resize(I, tmp, len);
    if (ok) {
        size_t end = sim_obj(S, ba)->len;
        ok = set_slice_from(I, ba, end, end, tmp);
    }
    sim_decref(S, tmp);
    return ok;
}

static SimId ba_extend(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    SimId src = a[1];
    if (bytes_buffer_refused(I, src))
        return 0;
    if (sim_kind(S, src) == SK_STR && S->prof->version >= SIM_V313) { /* 3.13 names the mistake */
        py_raise(I, EXC_TypeError, "expected iterable of integers; got: 'str'");
        return 0;
    }
    size_t end = sim_obj(S, a[0])->len;
    if (bytes_like(I, src) ? !set_slice_from(I, a[0], end, end, src) : !extend_iterable(I, a[0], src))
        return 0;
    return bi_none(I);
}

static SimId ba_pop(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    int64_t i;
    if (!bi_pop_position(I, a[0], n > 1 ? a[1] : 0, "bytearray", &i))
        return 0;
    int64_t len = sim_obj(S, a[0])->len;
    uint8_t *b = bytes_of(I, a[0]);
    int v = b[i];
    memmove(b + i, b + i + 1, (size_t)(len - i - 1));
    if (!resize(I, a[0], (size_t)len - 1))
        return 0;
    return sim_int(S, v);
}

static SimId ba_insert(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    int64_t where, len = sim_obj(S, a[0])->len;
    int v;
    if (!bi_int_arg(I, a[1], &where) || !bytes_byte_value(I, a[2], &v))
        return 0;
    if (where < 0)
        where = where + len < 0 ? 0 : where + len;
    if (where > len)
        where = len;
    if (!resize(I, a[0], (size_t)len + 1))
        return 0;
    uint8_t *b = bytes_of(I, a[0]);
    memmove(b + where + 1, b + where, (size_t)(len - where));
    b[where] = (uint8_t)v;
    return bi_none(I);
}

static SimId ba_remove(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    int v;
    if (!bytes_byte_value(I, a[1], &v))
        return 0;
    size_t len = sim_obj(S, a[0])->len;
    uint8_t *b = bytes_of(I, a[0]);
    uint8_t *at = memchr(b, v, len);
    if (!at) {
        py_raise(I, EXC_ValueError, "value not found in bytearray");
        return 0;
    }
    memmove(at, at + 1, len - (size_t)(at - b) - 1);
    return resize(I, a[0], len - 1) ? bi_none(I) : 0;
}

static SimId ba_clear(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return resize(I, a[0], 0) ? bi_none(I) : 0;
}

static SimId ba_copy(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return fresh(I, bytes_of(I, a[0]), sim_obj(S, a[0])->len);
}

static SimId ba_reverse(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    uint8_t *b = bytes_of(I, a[0]);
    for (size_t i = 0, len = sim_obj(S, a[0])->len; i < len / 2; i++) {
        uint8_t t = b[i];
        b[i] = b[len - 1 - i];
        b[len - 1 - i] = t;
    }
    return bi_none(I);
}

#define BA(nm, f, ...) BUILTIN(nm, SK_BYTEARRAY, 0, f, __VA_ARGS__)
const BuiltinDef bytearray_methods[] = {
    BA("append", ba_append, .style = ARGS_ONE),
    BA("extend", ba_extend, .style = ARGS_ONE),
    BA("pop", ba_pop, .style = ARGS_RANGE, .min = 0, .max = 1),
    BA("insert", ba_insert, .style = ARGS_RANGE, .min = 2, .max = 2),
    BA("remove", ba_remove, .style = ARGS_ONE),
    BA("clear", ba_clear, .style = ARGS_NONE),
    BA("copy", ba_copy, .style = ARGS_NONE),
    BA("reverse", ba_reverse, .style = ARGS_NONE),
};
const int bytearray_nmethods = (int)(sizeof bytearray_methods / sizeof bytearray_methods[0]);

/* ---- subscription -------------------------------------------------------------- */

SimId bytearray_getitem(PyRun *I, SimId ba, SimId key)
{
    int64_t len = sim_obj(S, ba)->len, start, stop, step;
    if (slice_is(I, key)) {
        if (!slice_bounds_of(I, key, len, &start, &stop, &step))
            return 0;
        size_t n = 0;
        for (int64_t i = start; step > 0 ? i < stop : i > stop; i += step)
            n++;
        SimId r = fresh(I, NULL, n);
        if (!r)
            return 0;
        const uint8_t *src = bytes_of(I, ba);
        uint8_t *dst = bytes_of(I, r);
        for (size_t c = 0; c < n; c++)
            dst[c] = src[start + (int64_t)c * step];
        return r;
    }
    SimKind k = sim_kind(S, key);
    if (k != SK_INT && k != SK_BOOL) {
        py_raise(I, EXC_TypeError, "bytearray indices must be integers or slices, not %s", op_typename(I, key));
        return 0;
    }
    int64_t i = sim_obj(S, key)->v.i;
    if (i < 0)
        i += len;
    if (sim_obj(S, key)->sub == 1 || i < 0 || i >= len) {
        py_raise(I, EXC_IndexError, "bytearray index out of range");
        return 0;
    }
    return sim_int(S, bytes_of(I, ba)[i]);
}

/* bytearray_ass_subscript's extended slice (step != 1): a deletion
 * compacts the kept bytes, an assignment needs as many bytes */
static bool set_extended(PyRun *I, SimId ba, int64_t start, int64_t step, int64_t count, SimId v)
{
    size_t n = 0;
    const uint8_t *d = v ? (const uint8_t *)sim_str_data(S, v, &n) : NULL;
    if (n == 0) {
        if (count == 0)
            return true;
        size_t len = sim_obj(S, ba)->len, w = 0;
        uint8_t *b = bytes_of(I, ba);
        char *gone = calloc(len, 1);
        for (int64_t c = 0, i = start; c < count; c++, i += step)
            gone[i] = 1;
        for (size_t i = 0; i < len; i++)
            if (!gone[i])
                b[w++] = b[i];
        free(gone);
        return resize(I, ba, len - (size_t)count);
    }
    if ((int64_t)n != count) {
        py_raise(I, EXC_ValueError, "attempt to assign bytes of size %zu to extended slice of size %lld", n,
                 (long long)count);
        return false;
    }
    uint8_t *b = bytes_of(I, ba);
    for (int64_t c = 0, i = start; c < count; c++, i += step)
        b[i] = d[c];
    return true;
}

bool bytearray_setitem(PyRun *I, SimId ba, SimId key, SimId v)
{
    int64_t len = sim_obj(S, ba)->len, start, stop, step, count = 1;
    if (!slice_is(I, key)) {
        SimKind k = sim_kind(S, key);
        if (k != SK_INT && k != SK_BOOL) {
            py_raise(I, EXC_TypeError, "bytearray indices must be integers or slices, not %s", op_typename(I, key));
            return false;
        }
        int b = 0;
        if (v && !bytes_byte_value(I, v, &b)) /* before the bounds, as CPython (GH-91153) */
            return false;
        int64_t i = sim_obj(S, key)->v.i;
        if (i < 0)
            i += len;
        if (sim_obj(S, key)->sub == 1 || i < 0 || i >= len) {
            py_raise(I, EXC_IndexError, "bytearray index out of range");
            return false;
        }
        if (v) {
            bytes_of(I, ba)[i] = (uint8_t)b;
            return true;
        }
        start = i, stop = i + 1, step = 1; /* del b[i] is del b[i:i+1] */
    } else {
        if (!slice_bounds_of(I, key, len, &start, &stop, &step))
            return false;
        count = 0;
        for (int64_t i = start; step > 0 ? i < stop : i > stop; i += step)
            count++;
    }
    if (v && (v == ba || sim_kind(S, v) != SK_BYTEARRAY)) { /* a copy first, as a new bytearray */
        SimKind vk = sim_kind(S, v);
        if (vk == SK_INT || vk == SK_BOOL || vk == SK_FLOAT || vk == SK_STR) {
            py_raise(I, EXC_TypeError, "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
            return false;
        }
        if (vk == SK_INSTANCE)
            return py_not_modelled(I, 0, "a slice of a bytearray assigned from an instance");
        bi_args_tuple(I, 1); /* PyObject_CallOneArg(&PyByteArray_Type, v) */
        SimId copy = bytes_like(I, v) ? fresh(I, (const uint8_t *)sim_str_data(S, v, &(size_t){0}), sim_obj(S, v)->len)
                                      : sim_bytearray(S, NULL, 0);
        bool ok = copy && (bytes_like(I, v) || bytearray_fill(I, copy, v)) && bytearray_setitem(I, ba, key, copy);
        sim_xdecref(S, copy);
        return ok;
    }
    if ((step < 0 && start < stop) || (step > 0 && start > stop))
        stop = start; /* b[5:2] = ... inserts before 5 */
    if (step != 1)
        return set_extended(I, ba, start, step, count, v);
    return v ? set_slice_from(I, ba, (size_t)start, (size_t)stop, v) : set_linear(I, ba, (size_t)start, (size_t)stop, NULL, 0);
}
