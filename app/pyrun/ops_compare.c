/*
 * ops_compare: comparisons and containment on sim objects (==, <, `in`),
 * CPython's rich compare with its recursion limit, NaN rules, exact
 * int/float comparison and the errors for unordered types.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/types/bigint.h"
#include "pyrun/interp.h"
#include "pyrun/modules/collections.h"
#include "pyrun/types/native.h"
#include "pyrun/types/types.h"

#define S (I->sim)

static bool is_int(PyRun *I, SimId v) { SimKind k = sim_kind(S, v); return k == SK_INT || k == SK_BOOL; }
static bool is_num(PyRun *I, SimId v) { return is_int(I, v) || sim_kind(S, v) == SK_FLOAT; }
static bool is_big(PyRun *I, SimId v) { return sim_kind(S, v) == SK_INT && sim_obj(S, v)->sub == 1; }
static double as_f(PyRun *I, SimId v) { return sim_obj(S, v)->v.f; } /* a float's value */
static int64_t as_i(PyRun *I, SimId v) { return sim_obj(S, v)->v.i; }

/* -1, 0, 1, or 2 when not ordered (error raised) */
/* order(): -1, 0, 1; 2 with TypeError raised; ORDER_NONE when a NaN makes
 * every ordering comparison false */
enum { ORDER_NONE = 3 };

static int order(PyRun *I, int op, SimId a, SimId b)
{
    SimKind ka = sim_kind(S, a), kb = sim_kind(S, b);
    if (slice_is(I, a) && slice_is(I, b)) { /* order() answers -1/0/1: ask for < and > */
        int lt = slice_compare(I, OP_LT, a, b);
        if (lt < 0)
            return 2;
        int gt = lt ? 0 : slice_compare(I, OP_GT, a, b);
        return gt < 0 ? 2 : lt ? -1 : gt;
    }
    if (is_int(I, a) && is_int(I, b) && (is_big(I, a) || is_big(I, b))) {
        BigInt x, y;
        big_from_sim(S, a, &x);
        big_from_sim(S, b, &y);
        int c = big_cmp(&x, &y);
        big_free(&x);
        big_free(&y);
        return c;
    }
    if (is_num(I, a) && is_num(I, b)) {
        if (is_int(I, a) && is_int(I, b))
            return as_i(I, a) < as_i(I, b) ? -1 : as_i(I, a) > as_i(I, b);
        if (ka == SK_FLOAT && kb == SK_FLOAT) {
            double x = as_f(I, a), y = as_f(I, b);
            return x < y ? -1 : x > y ? 1 : isnan(x) || isnan(y) ? ORDER_NONE : 0;
        }
        int c = ka == SK_FLOAT ? sim_int_float_cmp(S, b, sim_obj(S, a)->v.f) : sim_int_float_cmp(S, a, sim_obj(S, b)->v.f);
        return c == 2 ? ORDER_NONE : ka == SK_FLOAT ? -c : c; /* float_richcompare: exact */
    }
    if (bytes_like(I, a) && bytes_like(I, b))
        return bytes_order(I, a, b);
    if (ka == SK_ARRAY && kb == SK_ARRAY) {
        int r = array_order(I, a, b, false);
        return r == -2 ? 2 : r;
    }
    if (ka == kb && (ka == SK_STR || ka == SK_BYTES)) {
        size_t na, nb;
        const char *da = sim_str_data(S, a, &na), *db = sim_str_data(S, b, &nb);
        int c = memcmp(da, db, na < nb ? na : nb);
        if (c)
            return c < 0 ? -1 : 1;
        return na < nb ? -1 : na > nb;
    }
    static const char *sym[] = {"<", "<=", "==", "!=", ">", ">="};
    py_raise(I, EXC_TypeError, "'%s' not supported between instances of '%s' and '%s'",
             sym[op - OP_LT], op_typename(I, a), op_typename(I, b));
    return 2;
}

static int deep_equal_inner(PyRun *I, SimId a, SimId b);

/* How deep comparisons may nest before CPython raises RecursionError "in
 * comparison" (measured with nested lists at module level): 3.11 shares the
 * recursion limit with Python frames; 3.12 has a C limit of 1500 and 3.13
 * of 10000, Python frames apart. */
static int compare_limit(PyRun *I)
{
    switch (S->prof->version) {
    case SIM_V311: return I->recursion_limit - I->ts->nframes;
    case SIM_V312: return 1498;
    default: return 9999;
    }
}

/* 1 equal, 0 not, -1 with RecursionError raised (PyObject_RichCompare) */
static int deep_equal(PyRun *I, SimId a, SimId b)
{
    SimKind k = sim_kind(S, a);
    bool container = k == SK_LIST || k == SK_TUPLE || k == SK_DICT || k == SK_SET;
    if (!container) /* ints, floats, strs: ceval's specialised compares skip the check */
        return deep_equal_inner(I, a, b);
    if (I->ts->cmp_depth >= compare_limit(I)) {
        py_raise(I, EXC_RecursionError, "maximum recursion depth exceeded in comparison");
        return -1;
    }
    I->ts->cmp_depth++;
    int r = deep_equal_inner(I, a, b);
    I->ts->cmp_depth--;
    return r;
}

/* PyObject_RichCompareBool: identical objects are equal without asking */
static int same_or_equal(PyRun *I, SimId a, SimId b) { return a == b ? 1 : deep_equal(I, a, b); }

static int deep_equal_inner(PyRun *I, SimId a, SimId b)
{
    bool own = I->own_slot; /* list.__eq__(self, x), super().__eq__(x): the built-in's own compare */
    I->own_slot = false;
    SimKind ka = sim_kind(S, a), kb = sim_kind(S, b);
    if (proxy_is(I, a) || proxy_is(I, b)) /* mappingproxy_richcompare: its dict's answer */
        return proxy_equal(I, a, b);
    if (slice_is(I, a) && slice_is(I, b))
        return slice_compare(I, OP_EQ, a, b);
    if (ka == SK_RANGE && kb == SK_RANGE) /* range_equals: the same items, not the same arguments */
        return sim_range_equal(S, a, b);
    if (galias_is(I, a) || galias_is(I, b)) /* ga_richcompare: NotImplemented unless both are */
        return galias_equal(I, a, b);
    if (ka == SK_DICTVIEW || kb == SK_DICTVIEW) { /* a keys or items view is equal to a set of its keys */
        int eq = dictview_equal(I, a, b);
        if (eq != -2)
            return eq;
    }
    if (ka == SK_INSTANCE || kb == SK_INSTANCE || /* PyObject_RichCompareBool */
        (!own && (subinst_compares(I, a) || subinst_compares(I, b)))) { /* a subclass's __eq__ ... */
        SimId r = dunder_compare(I, OP_EQ, a, b);
        if (!r)
            return -1;
        int t = r == S->true_ ? 1 : r == S->false_ ? 0 : op_truth(I, r);
        sim_decref(S, r);
        return t;
    }
    if (ka == SK_METHOD && kb == SK_METHOD) /* method_richcompare: the same self, equal functions */
        return SIM_V(S, a, SK_METHOD, method.self) == SIM_V(S, b, SK_METHOD, method.self)
                   ? same_or_equal(I, SIM_V(S, a, SK_METHOD, method.func), SIM_V(S, b, SK_METHOD, method.func))
                   : 0;
    if (ka == SK_DEQUE && kb == SK_DEQUE) {
        SimId r = deque_compare(I, OP_EQ, a, b);
        if (!r)
            return -1;
        int t = r == S->true_;
        sim_decref(S, r);
        return t;
    }
    if (ka == SK_DICT && kb == SK_DICT) {
        if (sim_obj(S, a)->len != sim_obj(S, b)->len)
            return 0;
        uint32_t pos = 0;
        SimId k, v;
        while (sim_dict_next(S, a, &pos, &k, &v)) {
            SimId w = sim_dict_get(S, b, k);
            if (!w)
                return I->ts->err.set ? -1 : 0; /* a program's __eq__ may raise */
            int r = same_or_equal(I, v, w);
            if (r != 1)
                return r;
        }
        /* odict_richcompare: two OrderedDicts are equal in order too */
        return odict_is(I, a) && odict_is(I, b) ? odict_keys_equal(I, a, b) : 1;
    }
    if (ka == SK_SET && kb == SK_SET) {
        if (sim_obj(S, a)->len != sim_obj(S, b)->len)
            return 0;
        for (uint32_t i = 0; i < SIM_V(S, a, SK_SET, set.slots); i++) {
            SimId k = sim_items(S, a)[i];
            if (k && !sim_set_contains(S, b, k))
                return 0;
        }
        return 1;
    }
    if (ka == kb && (ka == SK_LIST || ka == SK_TUPLE)) {
        if (sim_obj(S, a)->len != sim_obj(S, b)->len)
            return 0;
        for (uint32_t i = 0; i < sim_obj(S, a)->len; i++) {
            int r = same_or_equal(I, sim_items(S, a)[i], sim_items(S, b)[i]);
            if (r != 1)
                return r;
        }
        return 1;
    }
    if (ka == SK_FLOAT && kb == SK_FLOAT)
        return as_f(I, a) == as_f(I, b); /* IEEE: nan is not equal to itself */
    if ((ka == SK_FLOAT || kb == SK_FLOAT) && is_num(I, a) && is_num(I, b)) /* exactly */
        return (ka == SK_FLOAT ? sim_int_float_cmp(S, b, sim_obj(S, a)->v.f) : sim_int_float_cmp(S, a, sim_obj(S, b)->v.f)) == 0;
    if (ka == SK_COMPLEX || kb == SK_COMPLEX) { /* complex_richcompare */
        int r = complex_equal(I, ka == SK_COMPLEX ? a : b, ka == SK_COMPLEX ? b : a);
        if (r == -2)
            return py_not_modelled(I, 0, "== between a complex number and an int too large for a float") ? 0 : -1;
        if (r >= 0)
            return r;
    }
    if ((ka != kb || ka == SK_BYTEARRAY) && bytes_like(I, a) && bytes_like(I, b)) /* a bytearray: by content */
        return bytes_order(I, a, b) == 0;
    if (ka == SK_ARRAY && kb == SK_ARRAY) {
        int r = array_order(I, a, b, true);
        return r == -2 ? -1 : r == 0;
    }
    return sim_equal(S, a, b);
}

int op_equal(PyRun *I, SimId a, SimId b) { return same_or_equal(I, a, b); }

SimId op_compare(PyRun *I, int op, SimId a, SimId b)
{
    bool own = I->own_slot; /* a built-in's own tp_richcompare (dunder.c, base_richcompare) */
    I->own_slot = false;
    if (!own && op >= OP_LT && op <= OP_GE && (subinst_compares(I, a) || subinst_compares(I, b)))
        return dunder_compare(I, op, a, b); /* slot_tp_richcompare */
    if (native_tuple_refused(I, a) || native_tuple_refused(I, b))
        return 0;
    if (op >= OP_LT && op <= OP_GE && (sim_kind(S, a) == SK_WEAKREF || sim_kind(S, b) == SK_WEAKREF) &&
        weakref_proxy_refuse(I, a, b, "a comparison"))
        return 0;
    if (op >= OP_LT && op <= OP_GE && sim_kind(S, a) == SK_DEQUE && sim_kind(S, b) == SK_DEQUE)
        return deque_compare(I, op, a, b);
    if (op >= OP_LT && op <= OP_GE && (sim_kind(S, a) == SK_INSTANCE || sim_kind(S, b) == SK_INSTANCE))
        return dunder_compare(I, op, a, b);
    if (op >= OP_LT && op <= OP_GE && counter_is(I, a) && counter_is(I, b))
        return counter_compare(I, op, a, b); /* otherwise Counter's methods answer NotImplemented */
    if (op >= OP_LT && op <= OP_GE && sim_kind(S, a) == SK_SET && sim_kind(S, b) == SK_SET) {
        /* set_richcompare: a subset test, strict ones on the sizes first */
        uint32_t la = sim_obj(S, a)->len, lb = sim_obj(S, b)->len;
        if ((op == OP_LT && la >= lb) || (op == OP_GT && la <= lb))
            return sim_bool(S, false);
        int r = op == OP_LT || op == OP_LE ? set_issubset(I, a, b) : set_issuperset(I, a, b);
        return r < 0 ? 0 : sim_bool(S, r);
    }
    if ((op == OP_LT || op == OP_LE || op == OP_GT || op == OP_GE) && sim_kind(S, a) == sim_kind(S, b) &&
        (sim_kind(S, a) == SK_LIST || sim_kind(S, a) == SK_TUPLE))
        return seq_richcompare(I, op, a, b);
    switch (op) {
    case OP_IS: return sim_bool(S, a == b);
    case OP_ISNOT: return sim_bool(S, a != b);
    case OP_EQ: case OP_NE: {
        I->own_slot = own; /* deep_equal_inner takes it: the first comparison only */
        int eq = deep_equal(I, a, b);
        if (eq < 0)
            return 0;
        return sim_bool(S, op == OP_EQ ? eq : !eq);
    }
    case OP_IN: case OP_NOTIN: {
        int c = op_contains(I, b, a);
        if (c < 0)
            return 0;
        return sim_bool(S, op == OP_IN ? c : !c);
    }
    default: {
        if (sim_kind(S, a) == SK_INT && sim_kind(S, b) == SK_INT && !sim_obj(S, a)->sub && !sim_obj(S, b)->sub &&
            id_addr_refused(I, op, sim_obj(S, a)->v.i, sim_obj(S, b)->v.i)) /* id(a) < id(b) */
            return 0;
        int o = order(I, op, a, b);
        if (o == 2)
            return 0;
        if (o == ORDER_NONE)
            return sim_bool(S, false);
        bool r = op == OP_LT ? o < 0 : op == OP_LE ? o <= 0 : op == OP_GT ? o > 0 : o >= 0;
        return sim_bool(S, r);
    }
    }
}

int op_contains(PyRun *I, SimId c, SimId item)
{
    bool own = I->own_slot; /* consumed at once: a slot wrapper's call is this one */
    I->own_slot = false;
    SimKind k = sim_kind(S, c);
    if (k == SK_WEAKREF && weakref_proxy_refuse(I, c, 0, "'in'"))
        return -1;
    if (enum_is_enum_class(I, c)) /* EnumType.__contains__ */
        return enum_contains(I, c, item);
    if (metaclass_of_class(I, c) || /* its metaclass's __contains__, __iter__ or __getitem__ */
        (!own && sim_is_subinst(S, c) && dunder_defines(I, c, "__contains__"))) /* a subclass's own */
        k = SK_INSTANCE;
    switch (k) {
    case SK_DEQUE: return deque_contains(I, c, item);
    case SK_LIST: case SK_TUPLE:
        for (uint32_t i = 0; i < sim_obj(S, c)->len; i++)
            switch (same_or_equal(I, sim_items(S, c)[i], item)) {
            case 1: return 1;
            case -1: return -1;
            default: break;
            }
        return 0;
    case SK_DICT: case SK_SET: {
        SimId key = k == SK_SET ? set_lookup_key(I, item) : py_hashable(I, item) ? (sim_incref(S, item), item) : 0;
        if (!key)
            return -1;
        int found = k == SK_DICT ? sim_dict_get(S, c, key) != 0 : sim_set_contains(S, c, key);
        sim_decref(S, key);
        return I->ts->err.set ? -1 : found; /* a program's __eq__ may raise */
    }
    case SK_DICTVIEW:
        if (sim_obj(S, c)->sub == SIM_VIEW_ITEMS || sim_obj(S, c)->sub == SIM_VIEW_VALUES)
            return dictview_contains(I, c, item);
        I->own_slot = true; /* dictkeys_contains: PyDict_Contains, past a subclass's __contains__ */
        return op_contains(I, SIM_V(S, c, SK_DICTVIEW, view.dict), item);
    case SK_ARRAY: return array_contains(I, c, item);
    case SK_BYTES: case SK_BYTEARRAY:
        if (!sim_is_subinst(S, c))
            return bytes_contains(I, c, item);
        return py_not_modelled(I, 0, "'in' of a subclass of %s", op_typename(I, c)), -1;
    case SK_STR: {
        if (sim_kind(S, item) != k) {
            py_raise(I, EXC_TypeError, "'in <string>' requires string as left operand, not %s", op_typename(I, item));
            return -1;
        }
        size_t n, m;
        const char *h = sim_str_data(S, c, &n), *nd = sim_str_data(S, item, &m);
        if (m == 0)
            return 1;
        for (size_t i = 0; i + m <= n; i++)
            if (memcmp(h + i, nd, m) == 0)
                return 1;
        return 0;
    }
    case SK_RANGE: {
        if (sim_kind(S, item) == SK_FLOAT) { /* _PySequence_IterSearch: 2.0 == 2 */
            double f = sim_obj(S, item)->v.f;
            if (!isfinite(f) || floor(f) != f || fabs(f) >= 9.2e18)
                return 0;
            SimId as_int = sim_int(S, (int64_t)f);
            int r = op_contains(I, c, as_int);
            sim_decref(S, as_int);
            return r;
        }
        if (sim_kind(S, item) == SK_INSTANCE || sim_kind(S, item) == SK_COMPLEX || sim_is_subinst(S, item))
            return py_not_modelled(I, 0, "'in' of a range with an object compared item by item"), -1;
        if (!is_int(I, item) || is_big(I, item)) /* a big int: beyond any range's 64-bit bounds */
            return 0;
        const int64_t *r = (const int64_t *)(const void *)sim_items(S, c);
        int64_t v = as_i(I, item), start = sim_obj(S, c)->v.i, stop = r[0], step = r[1];
        if (step > 0 ? (v < start || v >= stop) : (v > start || v <= stop))
            return 0;
        return (v - start) % step == 0;
    }
    case SK_ITER: case SK_GEN: { /* _PySequence_IterSearch: on until found, the rest left */
        if (sim_is_native(S, c)) { /* a partial, an itemgetter: not a sequence */
            py_raise(I, EXC_TypeError, "argument of type '%s' is not iterable", op_typename(I, c));
            return -1;
        }
        SimId v;
        int got;
        while ((got = iter_step(I, c, &v)) > 0) {
            int eq = same_or_equal(I, v, item);
            sim_decref(S, v);
            if (eq != 0)
                return eq;
        }
        return got;
    }
    case SK_INSTANCE: {
        int r = dunder_contains(I, c, item);
        if (r != -2)
            return r;
        py_raise(I, EXC_TypeError, "argument of type '%s' is not iterable", op_typename(I, c));
        return -1;
    }
    default:
        py_raise(I, EXC_TypeError, "argument of type '%s' is not iterable", op_typename(I, c));
        return -1;
    }
}
