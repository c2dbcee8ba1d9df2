/*
 * operator: the operator module as CPython's Modules/_operator.c makes it
 * (3.11-3.13): the operators as functions (add, lt, getitem ...) and the
 * callable objects itemgetter and attrgetter.  Their objects are composite
 * (sim/iter.c) with the references of tp_traverse; on 3.11 calling one goes
 * through tp_call, which packs the arguments into a tuple first (3.12 gave
 * them vectorcall).  methodcaller is refused (the names table).
 */
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/modules/itertools.h"
#include "pyrun/modules/std_import.h"
#include "pyrun/types/native.h"
#include "pyrun/types/types.h"

#define S (I->sim)
#define REFS(o) sim_iter_refs(S, o)

/* ---- the operators as functions ----------------------------------------------------- */

#define BINARY(fname, op, inplace) \
    static SimId o_##fname(PyRun *I, SimId *a, int n, SimId kw) \
    { \
        (void)n, (void)kw; \
        return op_binary(I, op, a[0], a[1], inplace); \
    }
BINARY(add, OP_ADD, false)
BINARY(sub, OP_SUB, false)
BINARY(mul, OP_MUL, false)
BINARY(truediv, OP_DIV, false)
BINARY(floordiv, OP_FLOORDIV, false)
BINARY(mod, OP_MOD, false)
BINARY(pow, OP_POW, false)
BINARY(lshift, OP_LSHIFT, false)
BINARY(rshift, OP_RSHIFT, false)
BINARY(and_, OP_BITAND, false)
BINARY(or_, OP_BITOR, false)
BINARY(xor, OP_BITXOR, false)
BINARY(iadd, OP_ADD, true)
BINARY(isub, OP_SUB, true)
BINARY(imul, OP_MUL, true)
BINARY(itruediv, OP_DIV, true)
BINARY(ifloordiv, OP_FLOORDIV, true)
BINARY(imod, OP_MOD, true)

#define COMPARE(fname, op) \
    static SimId o_##fname(PyRun *I, SimId *a, int n, SimId kw) \
    { \
        (void)n, (void)kw; \
        return op_compare(I, op, a[0], a[1]); \
    }
COMPARE(lt, OP_LT)
COMPARE(le, OP_LE)
COMPARE(eq, OP_EQ)
COMPARE(ne, OP_NE)
COMPARE(gt, OP_GT)
COMPARE(ge, OP_GE)

#define UNARY(fname, op) \
    static SimId o_##fname(PyRun *I, SimId *a, int n, SimId kw) \
    { \
        (void)n, (void)kw; \
        return op_unary(I, op, a[0]); \
    }
UNARY(neg, OP_NEG)
UNARY(pos, OP_POS)
UNARY(invert, OP_INVERT)

static SimId o_abs(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n;
    for (int i = 0; i < function_ndefs; i++)
        if (strcmp(function_defs[i].name, "abs") == 0)
            return function_defs[i].fn(I, a, 1, kw);
    return 0;
}

static SimId o_not(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    int t = op_truth(I, a[0]);
    return t < 0 ? 0 : sim_bool(S, !t);
}

static SimId o_truth(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    int t = op_truth(I, a[0]);
    return t < 0 ? 0 : sim_bool(S, t);
}

static SimId o_is(PyRun *I, SimId *a, int n, SimId kw) { (void)n, (void)kw; return sim_bool(S, a[0] == a[1]); }
static SimId o_is_not(PyRun *I, SimId *a, int n, SimId kw) { (void)n, (void)kw; return sim_bool(S, a[0] != a[1]); }

static SimId o_index(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    SimKind k = sim_kind(S, a[0]);
    if (k == SK_INT && sim_is_subinst(S, a[0])) /* PyNumber_Index: _PyLong_Copy of a subclass's value */
        return sim_obj(S, a[0])->sub == SIM_INT_UNSURE ? (int_unsure_refused(I), (SimId)0)
                                                       : sim_int_digits(S, sim_obj(S, a[0])->v.i);
    if (k == SK_INT) {
        sim_incref(S, a[0]);
        return a[0];
    }
    if (k == SK_BOOL)
        return sim_int(S, sim_obj(S, a[0])->v.i);
    if (dunder_index_hooked(I, a[0])) {
        SimId r = dunder_index(I, a[0]);
        if (r != S->notimpl)
            return r;
    }
    py_raise(I, EXC_TypeError, "'%s' object cannot be interpreted as an integer", op_typename(I, a[0]));
    return 0;
}

static bool is_sequence(PyRun *I, SimId v)
{
    SimKind k = sim_kind(S, v);
    return k == SK_LIST || k == SK_TUPLE || k == SK_STR || k == SK_BYTES || k == SK_BYTEARRAY || k == SK_RANGE;
}

static SimId o_concat(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    if (sim_kind(S, a[0]) == SK_INSTANCE)
        return py_not_modelled(I, 0, "operator.concat() of an object of a class"), 0;
    if (!is_sequence(I, a[0])) {
        py_raise(I, EXC_TypeError, "'%s' object can't be concatenated", op_typename(I, a[0]));
        return 0;
    }
    return op_binary(I, OP_ADD, a[0], a[1], false);
}

static SimId o_contains(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    int r = op_contains(I, a[0], a[1]);
    return r < 0 ? 0 : sim_bool(S, r);
}

static SimId o_getitem(PyRun *I, SimId *a, int n, SimId kw) { (void)n, (void)kw; return op_getitem(I, a[0], a[1]); }

static SimId o_setitem(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return op_setitem(I, a[0], a[1], a[2]) ? bi_none(I) : 0;
}

static SimId o_delitem(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return op_delitem(I, a[0], a[1]) ? bi_none(I) : 0;
}

/* countOf and indexOf: _PySequence_IterSearch, identity before == */
static SimId search(PyRun *I, SimId seq, SimId x, bool count)
{
    SimId it = iter_get(I, seq);
    if (!it)
        return 0;
    int64_t i = 0, hits = 0;
    SimId v;
    int st;
    while ((st = iter_step(I, it, &v)) == 1) {
        int eq = v == x ? 1 : op_equal(I, v, x);
        sim_decref(S, v);
        if (eq < 0) {
            st = -1;
            break;
        }
        if (eq && !count) {
            sim_decref(S, it);
            return sim_int(S, i);
        }
        hits += eq;
        i++;
    }
    sim_decref(S, it);
    if (st < 0)
        return 0;
    if (count)
        return sim_int(S, hits);
    py_raise(I, EXC_ValueError, "sequence.index(x): x not in sequence");
    return 0;
}

static SimId o_countOf(PyRun *I, SimId *a, int n, SimId kw) { (void)n, (void)kw; return search(I, a[0], a[1], true); }
static SimId o_indexOf(PyRun *I, SimId *a, int n, SimId kw) { (void)n, (void)kw; return search(I, a[0], a[1], false); }

/* ---- itemgetter and attrgetter ---------------------------------------------------------- */

enum { GET_ITEM }; /* the item (one) or the tuple of items / of attribute names */
enum { GET_NITEMS };

static SimId op_itemgetter(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (n < 1) {
        py_raise(I, EXC_TypeError, "itemgetter expected 1 argument, got 0");
        return 0;
    }
    TpArgs t = tp_args(I, a, n, 0);
    SimId items = t.args ? t.args : I->ts->ex_args;
    SimId g = iter_composite(I, SIM_XT_OP_ITEMGETTER, 1, 1, 0, false);
    if (!g)
        return tp_args_done(I, &t, 0);
    SimId item = n == 1 ? a[0] : items; /* several: the argument tuple itself */
    sim_incref(S, item);
    REFS(g)[GET_ITEM] = item;
    sim_iter_set_int(S, g, GET_NITEMS, n);
    sim_track(S, g);
    return tp_args_done(I, &t, g);
}

/* a dotted name becomes a tuple of its interned parts */
static SimId attr_name(PyRun *I, SimId name)
{
    size_t len;
    const char *s = sim_str_data(S, name, &len);
    const char *dot = memchr(s, '.', len);
    if (!dot)
        return sim_str_intern_obj(S, name);
    size_t parts = 1;
    for (size_t i = 0; i < len; i++)
        parts += s[i] == '.';
    SimId t = sim_tuple(S, parts);
    size_t k = 0, start = 0;
    for (size_t i = 0; i <= len; i++) {
        s = sim_str_data(S, name, &len); /* the slab may move */
        if (i == len || s[i] == '.') {
            SimId part = sim_str(S, s + start, i - start);
            SimId interned = sim_str_intern_obj(S, part);
            sim_decref(S, part);
            sim_tuple_set(S, t, k++, interned);
            start = i + 1;
        }
    }
    return t;
}

static SimId op_attrgetter(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (n < 1) {
        py_raise(I, EXC_TypeError, "attrgetter expected 1 argument, got 0");
        return 0;
    }
    TpArgs t = tp_args(I, a, n, 0);
    for (int i = 0; i < n; i++)
        if (sim_kind(S, a[i]) != SK_STR) {
            py_raise(I, EXC_TypeError, "attribute name must be a string");
            return tp_args_done(I, &t, 0);
        }
    SimId names = sim_tuple(S, (size_t)n);
    for (int i = 0; i < n; i++)
        sim_tuple_set(S, names, (size_t)i, attr_name(I, a[i]));
    SimId g = iter_composite(I, SIM_XT_OP_ATTRGETTER, 1, 1, 0, false);
    if (!g) {
        sim_decref(S, names);
        return tp_args_done(I, &t, 0);
    }
    REFS(g)[GET_ITEM] = names;
    sim_iter_set_int(S, g, GET_NITEMS, n);
    sim_track(S, g);
    return tp_args_done(I, &t, g);
}

/* obj.name, or obj.a.b for a tuple of parts; each name reaches the type
 * method cache, which keeps a reference to it (typecache_names.c) */
static SimId dotted_get(PyRun *I, SimId obj, SimId name)
{
    if (sim_kind(S, name) == SK_STR) {
        typecache_name_seen(I, name);
        return attr_get(I, obj, name);
    }
    sim_incref(S, obj);
    for (uint32_t i = 0; i < sim_obj(S, name)->len; i++) {
        typecache_name_seen(I, sim_items(S, name)[i]);
        SimId next = attr_get(I, obj, sim_items(S, name)[i]);
        sim_decref(S, obj);
        if (!next)
            return 0;
        obj = next;
    }
    return obj;
}

SimId operator_native_call(PyRun *I, SimId g, SimId *args, int nargs, SimId kwnames)
{
    bool item = sim_xtype_of(S, g) == SIM_XT_OP_ITEMGETTER, from_ex = I->ts->ex_args != 0;
    I->ts->ex_args = 0;
    const char *name = item ? "itemgetter" : "attrgetter";
    if (sim_xtype_of(S, g) == SIM_XT_OP_METHODCALLER)
        return py_not_modelled(I, 0, "operator.methodcaller"), 0;
    if (kwnames && sim_obj(S, kwnames)->len) {
        py_raise(I, EXC_TypeError, "%s() takes no keyword arguments", name);
        return 0;
    }
    if (S->prof->version == SIM_V311 && !from_ex)
        bi_args_tuple(I, nargs); /* tp_call: the arguments packed */
    if (nargs != 1) {
        py_raise(I, EXC_TypeError, "%s expected 1 argument, got %d", name, nargs);
        return 0;
    }
    SimId what = REFS(g)[GET_ITEM], obj = args[0];
    int64_t count = sim_iter_int(S, g, GET_NITEMS);
    if (item && count == 1)
        return op_getitem(I, obj, what);
    if (!item && count == 1)
        return dotted_get(I, obj, sim_items(S, what)[0]);
    SimId r = sim_tuple(S, (size_t)count);
    for (int64_t i = 0; i < count; i++) {
        SimId key = sim_items(S, what)[i];
        SimId v = item ? op_getitem(I, obj, key) : dotted_get(I, obj, key);
        if (!v) {
            sim_decref(S, r);
            return 0;
        }
        sim_tuple_set(S, r, (size_t)i, v);
    }
    return r;
}

bool operator_native_repr(PyRun *I, SimId g, Buf *out)
{
    bool item = sim_xtype_of(S, g) == SIM_XT_OP_ITEMGETTER;
    buf_adds(out, item ? "operator.itemgetter(" : "operator.attrgetter(");
    SimId what = REFS(g)[GET_ITEM];
    int64_t count = sim_iter_int(S, g, GET_NITEMS);
    for (int64_t i = 0; i < count; i++) {
        if (i)
            buf_adds(out, ", ");
        SimId v = item && count == 1 ? what : sim_items(S, what)[i];
        if (!item && sim_kind(S, v) == SK_TUPLE) { /* a dotted name, joined again */
            buf_addc(out, '\'');
            for (uint32_t k = 0; k < sim_obj(S, v)->len; k++) {
                size_t len;
                const char *s = sim_str_data(S, sim_items(S, v)[k], &len);
                if (k)
                    buf_addc(out, '.');
                buf_add(out, s, len);
            }
            buf_addc(out, '\'');
        } else if (!op_repr(I, v, out)) {
            return false;
        }
    }
    buf_addc(out, ')');
    return true;
}

/* ---- the module ----------------------------------------------------------------------------- */

#define TWO(nm, f) BUILTIN(nm, 0, BM_OPERATOR, f, .style = ARGS_RANGE, .min = 2, .max = 2)
#define ONE(nm, f) BUILTIN(nm, 0, BM_OPERATOR, f, .style = ARGS_ONE)

const BuiltinDef operator_functions[] = {
    TWO("add", o_add), TWO("sub", o_sub), TWO("mul", o_mul), TWO("truediv", o_truediv),
    TWO("floordiv", o_floordiv), TWO("mod", o_mod), TWO("pow", o_pow), TWO("lshift", o_lshift),
    TWO("rshift", o_rshift), TWO("and_", o_and_), TWO("or_", o_or_), TWO("xor", o_xor),
    TWO("iadd", o_iadd), TWO("isub", o_isub), TWO("imul", o_imul), TWO("itruediv", o_itruediv),
    TWO("ifloordiv", o_ifloordiv), TWO("imod", o_imod), TWO("iconcat", o_iadd),
    TWO("lt", o_lt), TWO("le", o_le), TWO("eq", o_eq), TWO("ne", o_ne), TWO("gt", o_gt), TWO("ge", o_ge),
    TWO("is_", o_is), TWO("is_not", o_is_not), TWO("concat", o_concat), TWO("contains", o_contains),
    TWO("countOf", o_countOf), TWO("indexOf", o_indexOf), TWO("getitem", o_getitem),
    TWO("delitem", o_delitem),
    BUILTIN("setitem", 0, BM_OPERATOR, o_setitem, .style = ARGS_RANGE, .min = 3, .max = 3),
    ONE("neg", o_neg), ONE("pos", o_pos), ONE("abs", o_abs), ONE("invert", o_invert), ONE("inv", o_invert),
    ONE("not_", o_not), ONE("truth", o_truth), ONE("index", o_index),
    BUILTIN("itemgetter", 0, BM_OPERATOR, op_itemgetter, .kw_fn = "itemgetter"),
    BUILTIN("attrgetter", 0, BM_OPERATOR, op_attrgetter, .kw_fn = "attrgetter"),
};
const int operator_nfunctions = (int)(sizeof operator_functions / sizeof operator_functions[0]);

void operator_module_init(PyRun *I, SimId d) { (void)I, (void)d; }

void operator_on_import(PyRun *I) { std_import(I, STD_OPERATOR); }
