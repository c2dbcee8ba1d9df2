/*
 * array: array.array's behaviour (Modules/arraymodule.c) — construction
 * from a list, tuple, bytes, array or any iterable (an iterable is
 * appended item by item, so its over-allocation shows in sys.getsizeof),
 * the typecodes b B h H i I l L q Q f d with CPython's range errors, the
 * methods, subscription and slices, the sequence operators and the repr.
 * Values past 2**63 - 1 (L, Q) and the 'u' / 'w' typecodes are refused.
 */
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "pyrun/builtins.h"
#include "pyrun/types/array_int.h"
#include "pyrun/types/types.h"

#define S (I->sim)

char array_code(PyRun *I, SimId a) { return (char)sim_obj(S, a)->sub; }
unsigned array_isz(PyRun *I, SimId a) { return sim_array_itemsize(array_code(I, a)); }
uint8_t *array_raw(PyRun *I, SimId a) { return (uint8_t *)sim_items(S, a); }

static bool overflow(PyRun *I, const char *msg)
{
    py_raise(I, EXC_OverflowError, "%s", msg);
    return false;
}

/* the range checks of b_setitem ... QQ_setitem, with their messages */
static bool int_fits(PyRun *I, char tc, int64_t x)
{
    switch (tc) {
    case 'b':
        if (x < -32768 || x > 32767) /* parsed as a short first */
            return overflow(I, x < 0 ? "signed short integer is less than minimum" : "signed short integer is greater than maximum");
        if (x < -128 || x > 127)
            return overflow(I, x < 0 ? "signed char is less than minimum" : "signed char is greater than maximum");
        return true;
    case 'B':
        if (x < 0 || x > 255)
            return overflow(I, x < 0 ? "unsigned byte integer is less than minimum" : "unsigned byte integer is greater than maximum");
        return true;
    case 'h':
        if (x < -32768 || x > 32767)
            return overflow(I, x < 0 ? "signed short integer is less than minimum" : "signed short integer is greater than maximum");
        return true;
    case 'H':
        if (x < INT32_MIN || x > INT32_MAX) /* parsed as an int first */
            return overflow(I, x < 0 ? "signed integer is less than minimum" : "signed integer is greater than maximum");
        if (x < 0 || x > 65535)
            return overflow(I, x < 0 ? "unsigned short is less than minimum" : "unsigned short is greater than maximum");
        return true;
    case 'i':
        if (x < INT32_MIN || x > INT32_MAX)
            return overflow(I, x < 0 ? "signed integer is less than minimum" : "signed integer is greater than maximum");
        return true;
    case 'I':
        if (x < 0)
            return overflow(I, "can't convert negative value to unsigned int");
        if (x > (int64_t)UINT32_MAX)
            return overflow(I, "unsigned int is greater than maximum");
        return true;
    case 'L':
        return x >= 0 || overflow(I, "can't convert negative value to unsigned int");
    case 'Q':
        return x >= 0 || overflow(I, "can't convert negative int to unsigned");
    default: /* l q: any value the model's small ints hold */
        return true;
    }
}

/* the item's bytes for v (borrowed), as the typecode's setitem converts
 * it; false with the error raised */
static bool convert(PyRun *I, char tc, SimId v, uint8_t out[8])
{
    SimKind k = sim_kind(S, v);
    if (k == SK_INSTANCE)
        return py_not_modelled(I, 0, "an array item given by an object's __index__ or __float__");
    if (tc == 'f' || tc == 'd') {
        if (k != SK_FLOAT && k != SK_INT && k != SK_BOOL) {
            py_raise(I, EXC_TypeError, "must be real number, not %s", op_typename(I, v));
            return false;
        }
        if (k != SK_FLOAT && sim_obj(S, v)->sub == 1)
            return py_not_modelled(I, 0, "an int beyond 64 bits stored in a float array");
        double d = k == SK_FLOAT ? sim_obj(S, v)->v.f : (double)sim_obj(S, v)->v.i;
        float f = (float)d;
        if (tc == 'f')
            memcpy(out, &f, 4);
        else
            memcpy(out, &d, 8);
        return true;
    }
    if (k != SK_INT && k != SK_BOOL) {
        py_raise(I, EXC_TypeError, "'%s' object cannot be interpreted as an integer", op_typename(I, v));
        return false;
    }
    if (sim_obj(S, v)->sub == 1) /* the model keeps items to 64 bits signed */
        return py_not_modelled(I, 0, "an int beyond 64 bits in an array");
    int64_t x = sim_obj(S, v)->v.i;
    if (!int_fits(I, tc, x))
        return false;
    switch (sim_array_itemsize(tc)) {
    case 1: out[0] = (uint8_t)x; break;
    case 2: { uint16_t w = (uint16_t)x; memcpy(out, &w, 2); break; }
    case 4: { uint32_t w = (uint32_t)x; memcpy(out, &w, 4); break; }
    default: memcpy(out, &x, 8); break;
    }
    return true;
}

bool array_put(PyRun *I, SimId a, size_t i, SimId v)
{
    uint8_t b[8];
    if (!convert(I, array_code(I, a), v, b))
        return false;
    memcpy(array_raw(I, a) + (size_t)array_isz(I, a) * i, b, array_isz(I, a));
    return true;
}

bool array_resize(PyRun *I, SimId a, size_t n)
{
    sim_array_resize(S, a, n);
    if (sim_obj(S, a)->len == n)
        return true;
    py_no_memory(I);
    return false;
}

/* ins1 at the end: the item checked first (setitem at -1), then
 * array_resize(n + 1) */
bool array_append(PyRun *I, SimId a, SimId v)
{
    uint8_t b[8];
    size_t n = sim_obj(S, a)->len;
    if (!convert(I, array_code(I, a), v, b) || !array_resize(I, a, n + 1))
        return false;
    memcpy(array_raw(I, a) + (size_t)array_isz(I, a) * n, b, array_isz(I, a));
    return true;
}

/* array_iter_extend: each item appended */
static bool extend_iter(PyRun *I, SimId a, SimId src)
{
    SimId it = iter_new(I, src);
    if (!it) {
        if (!I->ts->err.set && !I->refused)
            py_raise(I, EXC_TypeError, "'%s' object is not iterable", op_typename(I, src));
        return false;
    }
    SimId v;
    int got;
    while ((got = iter_step(I, it, &v)) > 0) {
        bool ok = array_append(I, a, v);
        sim_decref(S, v);
        if (!ok) {
            got = -1;
            break;
        }
    }
    sim_decref(S, it);
    return got == 0;
}

/* array_do_extend: an array of the same kind copied at once */
bool array_extend(PyRun *I, SimId a, SimId src)
{
    if (sim_kind(S, src) != SK_ARRAY)
        return extend_iter(I, a, src);
    if (array_code(I, src) != array_code(I, a)) {
        py_raise(I, EXC_TypeError, "can only extend with array of same kind");
        return false;
    }
    size_t n = sim_obj(S, a)->len, m = sim_obj(S, src)->len, w = array_isz(I, a);
    uint8_t *copy = malloc(m * w + 1);
    memcpy(copy, array_raw(I, src), m * w);
    bool ok = array_resize(I, a, n + m);
    if (ok)
        memcpy(array_raw(I, a) + n * w, copy, m * w);
    free(copy);
    return ok;
}

SimId array_fresh(PyRun *I, char tc, const uint8_t *d, size_t n)
{
    size_t bytes = n * sim_array_itemsize(tc);
    uint8_t *copy = NULL; /* an array's own items: copied, the new array may move them */
    if (d && n && sim_in_slab(S, d)) {
        copy = xmalloc(bytes);
        memcpy(copy, d, bytes);
        d = copy;
    }
    SimId r = sim_array(S, tc, n);
    if (sim_nomem(S) || sim_obj(S, r)->len != n) {
        sim_decref(S, r);
        free(copy);
        py_no_memory(I);
        return 0;
    }
    if (n && d && r)
        memcpy(array_raw(I, r), d, bytes);
    free(copy);
    return r;
}

SimId array_construct(PyRun *I, SimId *a, int n, SimId kw)
{
    if (kw && sim_obj(S, kw)->len) {
        py_raise(I, EXC_TypeError, "array.array() takes no keyword arguments");
        return 0;
    }
    bi_args_tuple(I, n); /* tp_new: type_call packs the arguments */
    if (n < 1 || n > 2) {
        py_raise(I, EXC_TypeError, n < 1 ? "array() takes at least 1 argument (0 given)"
                                         : "array() takes at most 2 arguments (%d given)", n);
        return 0;
    }
    size_t len = 0;
    const char *tcs = sim_kind(S, a[0]) == SK_STR ? sim_str_data(S, a[0], &len) : NULL;
    if (!tcs || sim_obj(S, a[0])->cap != 1) {
        py_raise(I, EXC_TypeError, "array() argument 1 must be a unicode character, not %s", op_typename(I, a[0]));
        return 0;
    }
    char tc = tcs[0];
    if (tc == 'u' || tc == 'w')
        return py_not_modelled(I, 0, "the array typecode '%c' (Unicode characters)", tc), 0;
    if (len != 1 || !sim_array_itemsize(tc)) {
        py_raise(I, EXC_ValueError, "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)"); /* 3.13 too */
        return 0;
    }
    SimId init = n > 1 ? a[1] : 0;
    SimKind k = init ? sim_kind(S, init) : SK_NONE;
    if (k == SK_STR) {
        py_raise(I, EXC_TypeError, "cannot use a str to initialize an array with typecode '%c'", tc);
        return 0;
    }
    if (k == SK_INSTANCE || (init && sim_is_subinst(S, init)))
        return py_not_modelled(I, 0, "an array initialised from an instance of a class"), 0;
    if ((k == SK_LIST || k == SK_TUPLE) || (k == SK_ARRAY && array_code(I, init) == tc)) { /* sized at once */
        size_t m = sim_obj(S, init)->len;
        SimId r = array_fresh(I, tc, k == SK_ARRAY ? array_raw(I, init) : NULL, m);
        for (size_t i = 0; r && k != SK_ARRAY && i < m; i++)
            if (!array_put(I, r, i, sim_items(S, init)[i])) {
                sim_decref(S, r);
                return 0;
            }
        return r;
    }
    SimId it = 0; /* any other iterable: its iterator first, then the empty array */
    if (init && !bytes_like(I, init)) {
        it = iter_new(I, init);
        if (!it) {
            if (!I->ts->err.set && !I->refused)
                py_raise(I, EXC_TypeError, "'%s' object is not iterable", op_typename(I, init));
            return 0;
        }
    }
    SimId r = array_fresh(I, tc, NULL, 0);
    if (!r || !init) {
        sim_xdecref(S, it);
        return r;
    }
    if (it) {
        bool ok = extend_iter(I, r, it);
        sim_decref(S, it);
        if (!ok) {
            sim_decref(S, r);
            return 0;
        }
        return r;
    }
    { /* bytes or bytearray: frombytes, one resize */
        size_t nb;
        const char *d = sim_str_data(S, init, &nb);
        if (nb % sim_array_itemsize(tc)) {
            sim_decref(S, r);
            py_raise(I, EXC_ValueError, "bytes length not a multiple of item size");
            return 0;
        }
        uint8_t *copy = malloc(nb + 1);
        memcpy(copy, d, nb);
        bool ok = nb == 0 || array_resize(I, r, nb / sim_array_itemsize(tc));
        if (ok && nb)
            memcpy(array_raw(I, r), copy, nb);
        free(copy);
        if (!ok) {
            sim_decref(S, r);
            return 0;
        }
        return r;
    }
}
