/*
 * builtins: the builtins module's functions (print, len, id, isinstance,
 * min, max, sorted, getattr, ...) and their table. The types' constructors
 * are in types/, the registry in registry.c.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/types/types.h"
#include "sim/gc.h"

#define S (I->sim)

/* ---- functions ----------------------------------------------------------- */

static SimId f_print(PyRun *I, SimId *a, int n, SimId kw) { return textio_print(I, a, n, kw); }

static SimId f_len(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "len", n, 1, 1))
        return 0;
    const SimObj *o = sim_obj(S, a[0]);
    switch ((SimKind)o->kind) {
    case SK_STR: return sim_int(S, o->cap);
    case SK_BYTES: case SK_BYTEARRAY: case SK_LIST: case SK_TUPLE: case SK_DICT: case SK_SET:
        return sim_int(S, o->len);
    case SK_DICTVIEW: return sim_int(S, sim_obj(S, o->v.view.dict)->len);
    case SK_RANGE: {
        const int64_t *r = (const int64_t *)(const void *)sim_items(S, a[0]);
        int64_t start = o->v.i, stop = r[0], step = r[1];
        int64_t len = step > 0 ? (stop > start ? (stop - start + step - 1) / step : 0)
                               : (start > stop ? (start - stop - step - 1) / -step : 0);
        return sim_int(S, len);
    }
    default:
        if (o->kind == SK_INSTANCE) {
            SimId m = sim_type_lookup(S, o->type, "__len__");
            if (m)
                return vm_call(I, m, a, 1);
        }
        py_raise(I, "TypeError", "object of type '%s' has no len()", op_typename(I, a[0]));
        return 0;
    }
}

static SimId f_id(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "id", n, 1, 1))
        return 0;
    return sim_int(S, (int64_t)sim_id_address(S, a[0]));
}

static SimId f_isinstance(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "isinstance", n, 2, 2))
        return 0;
    SimId t = a[1];
    if (sim_kind(S, t) == SK_TUPLE) {
        for (uint32_t i = 0; i < sim_obj(S, t)->len; i++) {
            SimId args2[2] = {a[0], sim_items(S, t)[i]};
            SimId r = f_isinstance(I, args2, 2, 0);
            if (!r || r == S->true_)
                return r;
            sim_decref(S, r);
        }
        return sim_bool(S, false);
    }
    if (sim_kind(S, t) != SK_TYPE) {
        py_raise(I, "TypeError", "isinstance() arg 2 must be a type, a tuple of types, or a union");
        return 0;
    }
    SimId cls = sim_type_of(S, a[0]);
    bool r = cls == t || (sim_obj(S, t)->sub == SK_INSTANCE && sim_obj(S, cls)->sub == SK_INSTANCE &&
                          sim_is_subtype(S, cls, t)) ||
             t == S->type_object ||
             (sim_obj(S, t)->sub == SK_INT && sim_kind(S, a[0]) == SK_BOOL);
    return sim_bool(S, r);
}

static SimId f_repr(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "repr", n, 1, 1))
        return 0;
    Buf b = {0};
    if (!op_repr(I, a[0], &b)) {
        buf_fini(&b);
        return 0;
    }
    SimId r = sim_str(S, buf_str(&b), b.len);
    buf_fini(&b);
    return r;
}

static SimId f_abs(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "abs", n, 1, 1))
        return 0;
    if (sim_kind(S, a[0]) == SK_FLOAT)
        return sim_float(S, fabs(sim_obj(S, a[0])->v.f));
    int64_t v;
    if (!bi_int_arg(I, a[0], &v))
        return 0;
    return sim_int(S, v < 0 ? -v : v);
}

static SimId minmax(PyRun *I, SimId *a, int n, bool want_max)
{
    const char *name = want_max ? "max" : "min";
    if (n == 0) {
        py_raise(I, "TypeError", "%s expected at least 1 argument, got 0", name);
        return 0;
    }
    SimId list = 0;
    SimId *items = a;
    int cnt = n;
    if (n == 1) {
        list = bi_list_from(I, a[0]);
        if (!list)
            return 0;
        items = sim_items(S, list);
        cnt = (int)sim_obj(S, list)->len;
        if (!cnt) {
            sim_decref(S, list);
            py_raise(I, "ValueError", "%s() arg is an empty sequence", name);
            return 0;
        }
    }
    SimId best = items[0];
    for (int i = 1; i < cnt; i++) {
        SimId r = op_compare(I, want_max ? OP_GT : OP_LT, items[i], best);
        if (!r) {
            sim_xdecref(S, list);
            return 0;
        }
        if (r == S->true_)
            best = items[i];
        sim_decref(S, r);
    }
    sim_incref(S, best);
    sim_xdecref(S, list);
    return best;
}

static SimId f_min(PyRun *I, SimId *a, int n, SimId kw) { (void)kw; return minmax(I, a, n, false); }
static SimId f_max(PyRun *I, SimId *a, int n, SimId kw) { (void)kw; return minmax(I, a, n, true); }

static SimId f_sum(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "sum", n, 1, 2))
        return 0;
    SimId acc = n == 2 ? a[1] : S->small_int[5];
    sim_incref(S, acc);
    SimId it = sim_iter(S, a[0]);
    if (!it) {
        sim_decref(S, acc);
        py_raise(I, "TypeError", "'%s' object is not iterable", op_typename(I, a[0]));
        return 0;
    }
    SimId v;
    while ((v = sim_iter_next(S, it)) != 0) {
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
    return acc;
}

/* stable insertion-merge sort of a list in place */
bool bi_sort_list(PyRun *I, SimId list, bool reverse);

static SimId f_sorted(PyRun *I, SimId *a, int n, SimId kw)
{
    int np = bi_npos(I, n, kw);
    if (!bi_nargs(I, "sorted", np, 1, 1))
        return 0;
    SimId rev = bi_kwarg(I, a, n, kw, "reverse");
    SimId l = bi_list_from(I, a[0]);
    if (!l)
        return 0;
    if (!bi_sort_list(I, l, rev && op_truth(I, rev) == 1)) {
        sim_decref(S, l);
        return 0;
    }
    return l;
}

static SimId f_hash(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "hash", n, 1, 1))
        return 0;
    if (!sim_hashable(S, a[0])) {
        py_raise(I, "TypeError", "unhashable type: '%s'", op_typename(I, a[0]));
        return 0;
    }
    SimKind k = sim_kind(S, a[0]);
    if (k == SK_INT || k == SK_BOOL)
        return sim_int(S, sim_obj(S, a[0])->v.i == -1 ? -2 : sim_obj(S, a[0])->v.i);
    return sim_int(S, (int64_t)(sim_hash(S, a[0]) >> 2));
}

static SimId f_iter(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "iter", n, 1, 1))
        return 0;
    SimId it = sim_iter(S, a[0]);
    if (!it)
        py_raise(I, "TypeError", "'%s' object is not iterable", op_typename(I, a[0]));
    return it;
}

static SimId f_next(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "next", n, 1, 2))
        return 0;
    if (sim_kind(S, a[0]) != SK_ITER) {
        py_raise(I, "TypeError", "'%s' object is not an iterator", op_typename(I, a[0]));
        return 0;
    }
    SimId v = sim_iter_next(S, a[0]);
    if (v)
        return v;
    if (n == 2) {
        sim_incref(S, a[1]);
        return a[1];
    }
    py_raise(I, "StopIteration", "%s", "");
    return 0;
}

static SimId f_getattr(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "getattr", n, 2, 3))
        return 0;
    if (sim_kind(S, a[1]) != SK_STR) {
        py_raise(I, "TypeError", "attribute name must be string, not '%s'", op_typename(I, a[1]));
        return 0;
    }
    SimId r = attr_get(I, a[0], a[1]);
    if (!r && n == 3 && strcmp(I->err.type, "AttributeError") == 0) {
        I->err.set = false;
        sim_incref(S, a[2]);
        return a[2];
    }
    return r;
}

static SimId f_hasattr(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "hasattr", n, 2, 2))
        return 0;
    SimId r = attr_get(I, a[0], a[1]);
    if (r) {
        sim_decref(S, r);
        return sim_bool(S, true);
    }
    I->err.set = false;
    return sim_bool(S, false);
}

static SimId f_setattr(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "setattr", n, 3, 3) || !attr_set(I, a[0], a[1], a[2]))
        return 0;
    return bi_none(I);
}

static SimId f_callable(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "callable", n, 1, 1))
        return 0;
    SimKind k = sim_kind(S, a[0]);
    return sim_bool(S, k == SK_FUNC || k == SK_METHOD || k == SK_BUILTIN || k == SK_TYPE || k == SK_WEAKREF);
}

static SimId f_chr(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    int64_t c;
    if (!bi_nargs(I, "chr", n, 1, 1) || !bi_int_arg(I, a[0], &c))
        return 0;
    char buf[4];
    size_t len = 1;
    if (c < 0x80) {
        buf[0] = (char)c;
    } else if (c < 0x800) {
        buf[0] = (char)(0xc0 | (c >> 6)), buf[1] = (char)(0x80 | (c & 0x3f)), len = 2;
    } else {
        buf[0] = (char)(0xe0 | (c >> 12)), buf[1] = (char)(0x80 | ((c >> 6) & 0x3f));
        buf[2] = (char)(0x80 | (c & 0x3f)), len = 3;
    }
    return sim_str(S, buf, len);
}

static SimId f_ord(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "ord", n, 1, 1))
        return 0;
    size_t len;
    const char *d = sim_str_data(S, a[0], &len);
    if (sim_kind(S, a[0]) != SK_STR || sim_obj(S, a[0])->cap != 1) {
        py_raise(I, "TypeError", "ord() expected a character");
        return 0;
    }
    unsigned char b0 = (unsigned char)d[0];
    int64_t cp = b0 < 0x80 ? b0 : b0 < 0xe0 ? ((b0 & 0x1f) << 6 | (d[1] & 0x3f))
                                            : ((b0 & 0x0f) << 12 | (d[1] & 0x3f) << 6 | (d[2] & 0x3f));
    return sim_int(S, cp);
}

static SimId f_round(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "round", n, 1, 2))
        return 0;
    if (sim_kind(S, a[0]) != SK_FLOAT) {
        sim_incref(S, a[0]);
        return a[0];
    }
    double x = sim_obj(S, a[0])->v.f;
    if (n == 1) {
        double r = nearbyint(x);
        return sim_int(S, (int64_t)r);
    }
    int64_t d;
    if (!bi_int_arg(I, a[1], &d))
        return 0;
    char buf[64];
    snprintf(buf, sizeof buf, "%.*f", (int)d, x);
    return sim_float(S, strtod(buf, NULL));
}

static SimId f_divmod(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "divmod", n, 2, 2))
        return 0;
    SimId q = op_binary(I, OP_FLOORDIV, a[0], a[1], false);
    if (!q)
        return 0;
    SimId r = op_binary(I, OP_MOD, a[0], a[1], false);
    if (!r) {
        sim_decref(S, q);
        return 0;
    }
    SimId t = sim_tuple(S, 2);
    sim_tuple_set(S, t, 0, q);
    sim_tuple_set(S, t, 1, r);
    return t;
}

const BuiltinDef function_defs[] = {
    {"print", 0, BM_BUILTINS, f_print}, /* must stay first: accepts keywords */
    {"len", 0, BM_BUILTINS, f_len},
    {"id", 0, BM_BUILTINS, f_id},
    {"isinstance", 0, BM_BUILTINS, f_isinstance},
    {"repr", 0, BM_BUILTINS, f_repr},
    {"abs", 0, BM_BUILTINS, f_abs},
    {"min", 0, BM_BUILTINS, f_min},
    {"max", 0, BM_BUILTINS, f_max},
    {"sum", 0, BM_BUILTINS, f_sum},
    {"sorted", 0, BM_BUILTINS, f_sorted},
    {"enumerate", 0, BM_BUILTINS, iter_enumerate},
    {"zip", 0, BM_BUILTINS, iter_zip},
    {"reversed", 0, BM_BUILTINS, iter_reversed},
    {"hash", 0, BM_BUILTINS, f_hash},
    {"iter", 0, BM_BUILTINS, f_iter},
    {"next", 0, BM_BUILTINS, f_next},
    {"getattr", 0, BM_BUILTINS, f_getattr},
    {"hasattr", 0, BM_BUILTINS, f_hasattr},
    {"setattr", 0, BM_BUILTINS, f_setattr},
    {"callable", 0, BM_BUILTINS, f_callable},
    {"chr", 0, BM_BUILTINS, f_chr},
    {"ord", 0, BM_BUILTINS, f_ord},
    {"round", 0, BM_BUILTINS, f_round},
    {"divmod", 0, BM_BUILTINS, f_divmod},
};
const int function_ndefs = (int)(sizeof function_defs / sizeof function_defs[0]);
