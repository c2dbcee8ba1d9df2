/*
 * bytes_ops: the operators of bytes and bytearray — concatenation and
 * repetition (bytearray's in place, through PyByteArray_Resize), `in`,
 * and comparison by content across the two types.
 */
#include <stdlib.h>
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/types/types.h"

#define S (I->sim)

static const uint8_t *data_of(PyRun *I, SimId v, size_t *n) { return (const uint8_t *)sim_str_data(S, v, n); }

/* a new object of kind k holding n bytes of d (bytes: CPython's shared
 * empty bytes when n is 0) */
static SimId make(PyRun *I, SimKind k, const uint8_t *d, size_t n)
{
    SimId r = k == SK_BYTES ? sim_bytes(S, d, n) : sim_bytearray(S, d, n);
    if (sim_nomem(S) || sim_obj(S, r)->len != n) {
        sim_decref(S, r);
        py_no_memory(I);
        return 0;
    }
    return r;
}

static bool resize(PyRun *I, SimId ba, size_t n)
{
    sim_bytearray_resize(S, ba, n);
    if (sim_obj(S, ba)->len == n)
        return true;
    py_no_memory(I);
    return false;
}

/* bytes_concat / PyByteArray_Concat / bytearray_iconcat */
static SimId concat(PyRun *I, SimId a, SimId b, bool inplace)
{
    SimKind ka = sim_kind(S, a);
    size_t na, nb;
    data_of(I, a, &na);
    const uint8_t *db = data_of(I, b, &nb);
    bool xa = ka == SK_BYTES && !sim_is_subinst(S, a), xb = sim_kind(S, b) == SK_BYTES && !sim_is_subinst(S, b);
    if (ka == SK_BYTES && ((na == 0 && xb) || (nb == 0 && xa))) {
        SimId r = na == 0 && xb ? b : a; /* the end cases give an exact operand back */
        sim_incref(S, r);
        return r;
    }
    if (!py_mem_room(I, (uint64_t)na + nb))
        return 0;
    uint8_t *buf = malloc(na + nb + 1);
    memcpy(buf, data_of(I, a, &na), na);
    memcpy(buf + na, db, nb);
    SimId r = 0;
    if (ka == SK_BYTEARRAY && inplace) {
        if (resize(I, a, na + nb)) {
            memcpy((uint8_t *)sim_items(S, a), buf, na + nb);
            sim_incref(S, a);
            r = a;
        }
    } else {
        r = make(I, ka, buf, na + nb);
    }
    free(buf);
    return r;
}

/* bytes_repeat / bytearray_repeat / bytearray_irepeat */
static SimId repeat(PyRun *I, SimId seq, SimId count, bool inplace)
{
    if (sim_obj(S, count)->sub == 1) {
        py_raise(I, EXC_OverflowError, "cannot fit 'int' into an index-sized integer");
        return 0;
    }
    int64_t times = sim_obj(S, count)->v.i;
    SimKind k = sim_kind(S, seq);
    size_t n;
    data_of(I, seq, &n);
    if (times < 0)
        times = 0;
    if (n && (uint64_t)times > (uint64_t)INT32_MAX / n) {
        py_no_memory(I);
        return 0;
    }
    size_t total = n * (size_t)times;
    if (k == SK_BYTES && total == n && !sim_is_subinst(S, seq)) { /* an exact bytes * 1 is itself */
        sim_incref(S, seq);
        return seq;
    }
    if (!py_mem_room(I, total))
        return 0;
    uint8_t *buf = malloc(total + 1);
    const uint8_t *d = data_of(I, seq, &n);
    for (size_t i = 0; i < total; i++)
        buf[i] = d[i % n];
    SimId r = 0;
    if (k == SK_BYTEARRAY && inplace) {
        if (resize(I, seq, total)) {
            memcpy((uint8_t *)sim_items(S, seq), buf, total);
            sim_incref(S, seq);
            r = seq;
        }
    } else {
        r = make(I, k, buf, total);
    }
    free(buf);
    return r;
}

static bool int_like(PyRun *I, SimId v)
{
    SimKind k = sim_kind(S, v);
    return k == SK_INT || k == SK_BOOL;
}

SimId bytes_binary(PyRun *I, int op, SimId a, SimId b, bool inplace, bool *handled)
{
    *handled = true;
    bool la = bytes_like(I, a), lb = bytes_like(I, b);
    if ((la && bytes_buffer_refused(I, b)) || (lb && bytes_buffer_refused(I, a)))
        return 0;
    SimKind kb = sim_kind(S, b);
    if (op == OP_ADD && la && lb)
        return concat(I, a, b, inplace);
    if (op == OP_ADD && la && kb != SK_INSTANCE && kb != SK_WEAKREF) {
        py_raise(I, EXC_TypeError, "can't concat %s to %s", op_typename(I, b), op_typename(I, a));
        return 0;
    }
    if (op == OP_MUL && la && int_like(I, b))
        return repeat(I, a, b, inplace);
    if (op == OP_MUL && lb && int_like(I, a) && !inplace)
        return repeat(I, b, a, false);
    SimKind ka = sim_kind(S, a), other = la ? kb : ka;
    bool seq_left = ka == SK_LIST || ka == SK_TUPLE || ka == SK_STR || ka == SK_DEQUE; /* its repeat names b */
    if (op == OP_MUL && other != SK_INSTANCE && other != SK_WEAKREF) {
        py_raise(I, EXC_TypeError, "can't multiply sequence by non-int of type '%s'", op_typename(I, la || seq_left ? b : a));
        return 0;
    }
    *handled = false;
    return 0;
}

int bytes_contains(PyRun *I, SimId c, SimId item)
{
    size_t n, m;
    const uint8_t *h = data_of(I, c, &n);
    SimKind k = sim_kind(S, item);
    if (k == SK_INT || k == SK_BOOL) {
        int b;
        if (!bytes_byte_value(I, item, &b))
            return -1;
        return memchr(h, b, n) != NULL;
    }
    if (bytes_buffer_refused(I, item))
        return -1;
    if (k == SK_INSTANCE)
        return py_not_modelled(I, 0, "'in' of an instance in a %s (__index__, the buffer protocol)", op_typename(I, c)),
               -1;
    if (!bytes_like(I, item)) {
        py_raise(I, EXC_TypeError, "a bytes-like object is required, not '%s'", op_typename(I, item));
        return -1;
    }
    const uint8_t *nd = data_of(I, item, &m);
    if (m == 0)
        return 1;
    for (size_t i = 0; i + m <= n; i++)
        if (memcmp(h + i, nd, m) == 0)
            return 1;
    return 0;
}

int bytes_order(PyRun *I, SimId a, SimId b)
{
    size_t na, nb;
    const uint8_t *da = data_of(I, a, &na), *db = data_of(I, b, &nb);
    int c = memcmp(da, db, na < nb ? na : nb);
    if (c)
        return c < 0 ? -1 : 1;
    return na < nb ? -1 : na > nb;
}
