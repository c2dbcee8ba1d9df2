/*
 * ops: arithmetic, comparisons, truth, and item access on sim objects,
 * with CPython's results and error messages for the types pyrun knows.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/types/bigint.h"
#include "pyrun/interp.h"
#include "pyrun/modules/collections.h"
#include "pyrun/modules/threading.h"
#include "pyrun/types/native.h"
#include "pyrun/types/types.h"
#include "pyrun/vm_intop.h"

#define S (I->sim)

static const char *opsym[] = {"+", "-", "*", "/", "//", "%", "** or pow()", "<<", ">>", "&", "|", "^", "@"};

const char *op_typename(PyRun *I, SimId v)
{
    if (odict_is(I, v) && sim_obj(S, v)->type == I->odict_type)
        return "collections.OrderedDict";
    const char *c = threading_tp_name(I, v); /* _thread.lock ... */
    c = c ? c : datetime_tp_name(I, v);      /* datetime.date ... */
    if (c)
        return c;
    return defaultdict_is(I, v) ? "collections.defaultdict" : sim_type_name(S, v); /* tp_name */
}

int op_name_cut(PyRun *I, const char *tn, int cap311, int cap312, int cap313)
{
    SimVersion v = S->prof->version;
    int cap = v == SIM_V311 ? cap311 : v == SIM_V312 ? cap312 : cap313;
    size_t n = strlen(tn);
    return cap > 0 && n > (size_t)cap ? cap : (int)n;
}

static bool is_int(PyRun *I, SimId v) { SimKind k = sim_kind(S, v); return k == SK_INT || k == SK_BOOL; }
static bool is_num(PyRun *I, SimId v) { return is_int(I, v) || sim_kind(S, v) == SK_FLOAT; }
static bool is_big(PyRun *I, SimId v) { return sim_kind(S, v) == SK_INT && sim_obj(S, v)->sub == 1; }
static double as_f(PyRun *I, SimId v)
{
    if (is_big(I, v)) {
        BigInt b;
        big_from_sim(S, v, &b);
        double d = big_to_double(&b);
        big_free(&b);
        return d;
    }
    return sim_kind(S, v) == SK_FLOAT ? sim_obj(S, v)->v.f : (double)sim_obj(S, v)->v.i;
}
static int64_t as_i(PyRun *I, SimId v) { return sim_obj(S, v)->v.i; }

/* the kinds `seq * n` repeats */
static bool repeatable(SimKind k) { return k == SK_STR || k == SK_BYTES || k == SK_TUPLE || k == SK_LIST || k == SK_DEQUE; }

/* a str or tuple of its exact type (not a subclass's instance) */
static bool exact(PyRun *I, SimId v) { return !sim_is_subinst(S, v); }

static SimId seq_repeat(PyRun *I, SimId seq, int64_t n)
{
    SimKind k = sim_kind(S, seq);
    if (n < 0)
        n = 0;
    /* unicode_repeat and tuplerepeat give an exact operand back for n == 1
     * (an empty tuple for any n) */
    if ((k == SK_STR || k == SK_TUPLE) && exact(I, seq) &&
        (n == 1 || (k == SK_TUPLE && sim_obj(S, seq)->len == 0))) {
        sim_incref(S, seq);
        return seq;
    }
    if (k == SK_STR || k == SK_BYTES) {
        size_t len;
        const char *d = sim_str_data(S, seq, &len);
        if (len && (uint64_t)n > UINT64_MAX / 2 / len) { py_no_memory(I); return 0; }
        if (!py_mem_room(I, (uint64_t)len * (uint64_t)n)) /* before the host buffer */
            return 0;
        Buf b = {0};
        for (int64_t i = 0; i < n; i++)
            buf_add(&b, d, len);
        SimId r = k == SK_STR ? sim_str(S, buf_str(&b), b.len)
                              : sim_bytes(S, (const uint8_t *)buf_str(&b), b.len);
        buf_fini(&b);
        return r;
    }
    uint32_t len = sim_obj(S, seq)->len;
    if (len && (uint64_t)n > UINT32_MAX / len) { py_no_memory(I); return 0; }
    size_t total = (size_t)len * (size_t)n;
    SimId r = k == SK_LIST ? sim_list(S, total) : sim_tuple(S, total);
    if (sim_nomem(S)) {
        sim_decref(S, r);
        py_no_memory(I);
        return 0;
    }
    for (size_t i = 0; i < total; i++) {
        SimId it = sim_items(S, seq)[i % len];
        sim_incref(S, it);
        sim_items(S, r)[i] = it;
    }
    return r;
}

static SimId seq_concat(PyRun *I, SimId a, SimId b)
{
    SimKind k = sim_kind(S, a);
    if (k == SK_STR || k == SK_BYTES) {
        size_t na, nb;
        const char *da = sim_str_data(S, a, &na), *db = sim_str_data(S, b, &nb);
        if (k == SK_STR && (na == 0 || nb == 0)) { /* unicode_concat returns the other */
            SimId r = na == 0 ? b : a;
            sim_incref(S, r);
            return r;
        }
        if (!py_mem_room(I, (uint64_t)na + nb)) /* before the host buffer */
            return 0;
        Buf buf = {0};
        buf_add(&buf, da, na);
        buf_add(&buf, db, nb);
        SimId r = k == SK_STR ? sim_str(S, buf_str(&buf), buf.len)
                              : sim_bytes(S, (const uint8_t *)buf_str(&buf), buf.len);
        buf_fini(&buf);
        return r;
    }
    uint32_t na = sim_obj(S, a)->len, nb = sim_obj(S, b)->len;
    if (k == SK_TUPLE && ((nb == 0 && exact(I, a)) || (na == 0 && exact(I, b)))) {
        SimId r = nb == 0 && exact(I, a) ? a : b; /* tupleconcat: an exact operand back */
        sim_incref(S, r);
        return r;
    }
    SimId r = k == SK_LIST ? sim_list(S, (size_t)na + nb) : sim_tuple(S, (size_t)na + nb);
    if (sim_nomem(S)) {
        sim_decref(S, r);
        py_no_memory(I);
        return 0;
    }
    for (uint32_t i = 0; i < na + nb; i++) {
        SimId it = i < na ? sim_items(S, a)[i] : sim_items(S, b)[i - na];
        sim_incref(S, it);
        sim_items(S, r)[i] = it;
    }
    return r;
}

/* the built-in kinds with sq_repeat */
static bool is_seq(SimKind k)
{
    return k == SK_STR || k == SK_BYTES || k == SK_BYTEARRAY || k == SK_LIST || k == SK_TUPLE || k == SK_DEQUE;
}

static SimId type_error(PyRun *I, int op, SimId a, SimId b, bool inplace)
{
    SimKind ka = sim_kind(S, a), kb = sim_kind(S, b);
    if (op == OP_BITOR && (ka == SK_TYPE || kb == SK_TYPE) && (ka == SK_TYPE || a == S->none) &&
        (kb == SK_TYPE || b == S->none)) { /* type.__or__: `int | None` in an annotation */
        py_not_modelled(I, 0, "'X | Y' between types (a types.UnionType)");
        return 0;
    }
    bool seq_a = ka == SK_LIST || ka == SK_TUPLE || ka == SK_STR || ka == SK_BYTES || ka == SK_BYTEARRAY;
    bool seq_b = kb == SK_LIST || kb == SK_TUPLE || kb == SK_STR || kb == SK_BYTES || kb == SK_BYTEARRAY;
    if (op == OP_MUL && (seq_a || seq_b)) { /* sq_repeat wants an index: sequence_repeat */
        py_raise(I, EXC_TypeError, "can't multiply sequence by non-int of type '%s'",
                 op_typename(I, seq_a ? b : a));
        return 0;
    }
    py_raise(I, EXC_TypeError, "unsupported operand type(s) for %s%s: '%s' and '%s'",
             op == OP_POW && inplace ? "**" : opsym[op], inplace ? "=" : "", op_typename(I, a),
             op_typename(I, b));
    return 0;
}

SimId op_binary(PyRun *I, int op, SimId a, SimId b, bool inplace)
{
    SimId fast = vm_small_int_op(S, op, a, b);
    if (fast)
        return fast;
    SimKind ka = sim_kind(S, a), kb = sim_kind(S, b);
    if ((ka == SK_WEAKREF || kb == SK_WEAKREF) && weakref_proxy_refuse(I, a, b, "an operator"))
        return 0;
    bool own = I->own_slot; /* int.__add__(self, x), super().__add__(x): the built-in's own slot */
    I->own_slot = false;
    if (ka == SK_INSTANCE || kb == SK_INSTANCE || /* a subclass's own operator methods (slot_nb_add ...) */
        (!own && (subinst_operates(I, a, op, inplace) || subinst_operates(I, b, op, false)))) {
        SimId r = dunder_binary(I, op, a, b, inplace);
        if (r != S->notimpl)
            return r;
        sim_decref(S, r); /* the built-in side's error follows */
    }
    if (ka == SK_BOOL && kb == SK_BOOL && (op == OP_BITAND || op == OP_BITOR || op == OP_BITXOR)) {
        bool x = a == S->true_, y = b == S->true_; /* bool_and, bool_or, bool_xor */
        return sim_bool(S, op == OP_BITAND ? x && y : op == OP_BITOR ? x || y : x != y);
    }
    if (is_int(I, a) && is_int(I, b)) { /* (neither is a Counter nor an OrderedDict) */
        if (op == OP_MATMUL) /* int has no nb_matrix_multiply */
            return type_error(I, op, a, b, inplace);
        if (is_big(I, a) || is_big(I, b))
            return int_big_op(I, op, a, b);
        return int_small_op(I, op, a, b, as_i(I, a), as_i(I, b));
    }
    if (op == OP_BITOR && (odict_is(I, a) || odict_is(I, b))) { /* odict_or, odict_inplace_or */
        SimId r = odict_or(I, a, b, inplace);
        if (r != S->notimpl)
            return r;
        sim_decref(S, r);
    }
    if (counter_is(I, a) || counter_is(I, b)) { /* Counter's Python methods */
        SimId r = counter_binary(I, op, a, b, inplace);
        if (r != S->notimpl)
            return r;
        sim_decref(S, r); /* dict's | or the TypeError follows */
    }
    if ((ka == SK_COMPLEX || kb == SK_COMPLEX) && op <= OP_POW) {
        SimId r = complex_binary(I, op, a, b);
        if (r != S->notimpl)
            return r;
    }
    if (is_num(I, a) && is_num(I, b) && op <= OP_POW)
        return float_binary(I, op, as_f(I, a), as_f(I, b));
    if ((op == OP_ADD || op == OP_MUL) && (ka == SK_ARRAY || kb == SK_ARRAY)) {
        bool handled;
        SimId r = array_binary(I, op, a, b, inplace, &handled);
        if (handled)
            return r;
    }
    if ((op == OP_ADD || op == OP_MUL) && (bytes_like(I, a) || bytes_like(I, b))) {
        bool handled;
        SimId r = bytes_binary(I, op, a, b, inplace, &handled);
        if (handled)
            return r;
    }
    if (op == OP_MUL && ((repeatable(ka) && is_big(I, b)) || (repeatable(kb) && is_big(I, a)))) {
        py_raise(I, EXC_OverflowError, "cannot fit 'int' into an index-sized integer"); /* sequence_repeat */
        return 0;
    }
    if (op == OP_ADD && ka == SK_DEQUE)
        return deque_concat(I, a, b, inplace);
    if (op == OP_MUL && ka == SK_DEQUE && is_int(I, b) && !is_big(I, b))
        return deque_repeat(I, a, as_i(I, b), inplace);
    if (op == OP_MUL && kb == SK_DEQUE && is_int(I, a) && !is_big(I, a) && !inplace)
        return deque_repeat(I, b, as_i(I, a), false);
    if (op == OP_ADD && ka == kb && (ka == SK_STR || ka == SK_BYTES || ka == SK_TUPLE || ka == SK_LIST)) {
        if (ka == SK_LIST && inplace) {
            if (!list_extend(I, a, b))
                return 0;
            sim_incref(S, a);
            return a;
        }
        return seq_concat(I, a, b);
    }
    if (op == OP_ADD && ka == SK_LIST && inplace) {
        if (!list_extend(I, a, b))
            return 0;
        sim_incref(S, a);
        return a;
    }
    if (op == OP_MUL && inplace && ka == SK_LIST && is_int(I, b) && !is_big(I, b))
        return list_inplace_repeat(I, a, as_i(I, b));
    if (op == OP_MUL && (ka == SK_STR || ka == SK_BYTES || ka == SK_TUPLE || ka == SK_LIST) && is_int(I, b))
        return seq_repeat(I, a, as_i(I, b));
    if (op == OP_MUL && (kb == SK_STR || kb == SK_BYTES || kb == SK_TUPLE || kb == SK_LIST) && is_int(I, a))
        return seq_repeat(I, b, as_i(I, a));
    if (op == OP_MOD && ka == SK_STR)
        return str_percent(I, a, b);
    if ((op == OP_BITAND || op == OP_BITOR || op == OP_SUB || op == OP_BITXOR) && dictview_setlike(I, a, b))
        return dictview_binary(I, op, a, b);
    if ((proxy_is(I, a) || proxy_is(I, b)) && op == OP_BITOR)
        return py_not_modelled(I, 0, "'|' with a mappingproxy (it makes a dict)"), (SimId)0;
    if (op == OP_BITOR && ka == SK_DICT && (kb == SK_DICT || inplace))
        return dict_or(I, a, b, inplace);
    if ((ka == SK_BYTEARRAY || kb == SK_BYTEARRAY) && op == OP_MOD)
        return py_not_modelled(I, 0, "%% formatting of a bytearray"), (SimId)0;
    if (ka == SK_BYTES && op == OP_MOD) /* bytes_mod: printf-style formatting of bytes */
        return py_not_modelled(I, 0, "%% formatting of bytes"), (SimId)0;
    if (op == OP_ADD && (ka == SK_STR || ka == SK_LIST || ka == SK_TUPLE || ka == SK_BYTES)) {
        py_raise(I, EXC_TypeError, "can only concatenate %s (not \"%s\") to %s", op_typename(I, a),
                 op_typename(I, b), op_typename(I, a));
        return 0;
    }
    if (ka == SK_SET && kb == SK_SET && (op == OP_BITOR || op == OP_BITAND || op == OP_SUB || op == OP_BITXOR)) {
        SimId r = set_binary(I, op, a, b, inplace);
        if (r && I->ts->err.set) { /* a program's __eq__ raised in a lookup */
            sim_decref(S, r);
            return 0;
        }
        return r;
    }
    if (op == OP_MUL && ((is_seq(ka) && dunder_index_hooked(I, b)) || (is_seq(kb) && dunder_index_hooked(I, a)))) {
        SimId n = dunder_index(I, is_seq(ka) ? b : a); /* sequence_repeat: PyNumber_AsSsize_t */
        if (n != S->notimpl) {
            SimId r = n ? op_binary(I, op, is_seq(ka) ? a : n, is_seq(ka) ? n : b, inplace) : 0;
            sim_xdecref(S, n);
            return r;
        }
    }
    if (op == OP_MUL && (is_seq(ka) || is_seq(kb))) { /* sequence_repeat with a count that is no int */
        py_raise(I, EXC_TypeError, "can't multiply sequence by non-int of type '%s'",
                 op_typename(I, is_seq(ka) ? b : a));
        return 0;
    }
    return type_error(I, op, a, b, inplace);
}

SimId op_unary(PyRun *I, int op, SimId a)
{
    if (op != OP_NOT && sim_kind(S, a) == SK_WEAKREF && weakref_proxy_refuse(I, a, 0, "an operator"))
        return 0;
    if (op == OP_NOT) {
        int t = op_truth(I, a);
        return t < 0 ? 0 : sim_bool(S, !t);
    }
    bool own = I->own_slot; /* int.__neg__(self), super().__neg__() */
    I->own_slot = false;
    if (sim_kind(S, a) == SK_INSTANCE ||
        (!own && sim_is_subinst(S, a) &&
         dunder_defines(I, a, op == OP_NEG ? "__neg__" : op == OP_POS ? "__pos__" : "__invert__")))
        return dunder_unary(I, op, a);
    if (counter_is(I, a) && (op == OP_NEG || op == OP_POS))
        return counter_unary(I, op, a);
    SimKind k = sim_kind(S, a);
    if (op == OP_POS && (k == SK_INT || k == SK_FLOAT || k == SK_COMPLEX) && !sim_is_subinst(S, a)) {
        sim_incref(S, a); /* long_pos, float_pos, complex_pos: an exact number is itself */
        return a;
    }
    if (is_big(I, a) && (op == OP_NEG || op == OP_POS)) {
        BigInt x;
        big_from_sim(S, a, &x);
        if (op == OP_NEG)
            x.sign = -x.sign;
        return big_to_sim(S, &x);
    }
    if (is_int(I, a) && op == OP_INVERT)
        return int_invert(I, a);
    if (is_int(I, a)) {
        int64_t v = as_i(I, a);
        if (op == OP_NEG) {
            if (v == INT64_MIN) {
                SimId z = sim_int(S, 0);
                SimId r = int_big_op(I, OP_SUB, z, a);
                sim_decref(S, z);
                return r;
            }
            return sim_int(S, -v);
        }
        return sim_int(S, v); /* OP_POS */
    }
    if (sim_kind(S, a) == SK_FLOAT && op != OP_INVERT)
        return sim_float(S, op == OP_NEG ? -as_f(I, a) : as_f(I, a));
    if (sim_kind(S, a) == SK_COMPLEX && op != OP_INVERT)
        return complex_unary(I, op, a);
    py_raise(I, EXC_TypeError, "bad operand type for unary %s: '%s'",
             op == OP_NEG ? "-" : op == OP_POS ? "+" : "~", op_typename(I, a));
    return 0;
}

int op_truth(PyRun *I, SimId a)
{
    const SimObj *o = sim_obj(S, a);
    if (o->kind == SK_WEAKREF && weakref_proxy_refuse(I, a, 0, "truth testing"))
        return -1;
    bool own = I->own_slot; /* int.__bool__(self), super().__bool__(): the built-in's own */
    I->own_slot = false;
    if (!own && sim_is_subinst(S, a) &&
        (dunder_defines(I, a, "__bool__") || /* slot_nb_bool; else an int's or float's own nb_bool */
         (o->kind != SK_INT && o->kind != SK_FLOAT && dunder_defines(I, a, "__len__")))) /* slot_mp_length */
        return dunder_truth(I, a);
    switch ((SimKind)o->kind) {
    case SK_NONE: return 0;
    case SK_BOOL: case SK_INT: return o->v.i != 0;
    case SK_FLOAT: return o->v.f != 0;
    case SK_COMPLEX: return o->v.c.re != 0 || o->v.c.im != 0;
    case SK_STR: case SK_BYTES: case SK_BYTEARRAY: case SK_LIST: case SK_TUPLE: case SK_DICT: case SK_SET:
    case SK_DEQUE: case SK_ARRAY:
        return o->len != 0;
    case SK_RANGE: {
        const int64_t *r = (const int64_t *)(const void *)sim_items(S, a);
        return r[1] > 0 ? o->v.i < r[0] : o->v.i > r[0];
    }
    case SK_INSTANCE: return dunder_truth(I, a);
    case SK_TYPE: return metaclass_of_class(I, a) ? dunder_truth(I, a) : 1; /* its metaclass's __bool__, __len__ */
    default: return 1;
    }
}
