/*
 * slot_wrappers_ops: the operator special methods of the built-in types
 * as a learner calls them by name: `(3).__add__(4)`, `[1].__eq__([1])`,
 * `'ab'.__mul__(2)`, `{1}.__or__({2})`, `(5).__neg__()`.
 *
 * A slot wrapper calls its own type's slot and nothing else
 * (Objects/typeobject.c wrap_binaryfunc_l / _r, wrap_richcmpfunc): where
 * the `+` operator would try the other operand's __radd__,
 * `int.__add__(3, 1.5)` answers NotImplemented.  So each wrapper first asks
 * whether its type's slot takes the other operand (the CHECK_BINOP,
 * CONVERT_TO_DOUBLE, PyAnySet_Check ... of the slot's C code); when it does,
 * the operator itself gives the slot's answer, since neither operand then
 * has a slot of its own that would run first.  An operand that is an
 * instance of a program's subclass (whose methods the operator would try)
 * is refused.  One function serves each family: the wrapper's name, read
 * from the definition being called, says which operator it stands for.
 */
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/modules/math_exact.h"
#include "pyrun/types/types.h"

#define S (I->sim)

static const char *const op_names[] = {"add", "sub", "mul", "truediv", "floordiv", "mod", "pow",
                                       "lshift", "rshift", "and", "or", "xor", "matmul"};

typedef struct BinSlot {
    int op;
    bool reflected, inplace;
} BinSlot;

/* "__radd__" -> {OP_ADD, reflected}; "__iand__" -> {OP_BITAND, inplace} */
static BinSlot bin_slot(const char *name)
{
    BinSlot s = {OP_ADD, false, false};
    if (strcmp(name, "__divmod__") == 0 || strcmp(name, "__rdivmod__") == 0) { /* a slot of its own */
        s.op = OP_FLOORDIV;
        s.reflected = name[2] == 'r';
        return s;
    }
    const char *p = name + 2;
    size_t n = strlen(p) - 2;
    for (int pass = 0; pass < 2; pass++) {
        for (int op = 0; op <= OP_MATMUL - OP_ADD; op++)
            if (strlen(op_names[op]) == n && memcmp(op_names[op], p, n) == 0) {
                s.op = OP_ADD + op;
                return s;
            }
        s.reflected = *p == 'r';
        s.inplace = *p == 'i';
        p++, n--;
    }
    return s;
}

static bool is_int(PyRun *I, SimId v) { return sim_kind(S, v) == SK_INT || sim_kind(S, v) == SK_BOOL; }

/* an operand a program's class stands behind: its methods would run first */
static bool program_typed(PyRun *I, SimId v) { return sim_kind(S, v) == SK_INSTANCE || sim_is_subinst(S, v); }

/* Does self's type's slot for op take other?  (1 yes, 0 NotImplemented,
 * -1 the slot's own TypeError is raised) */
static int takes(PyRun *I, SimId self, SimId other, BinSlot s)
{
    SimKind k = sim_kind(S, self), ko = sim_kind(S, other);
    switch (k) {
    case SK_INT: case SK_BOOL: /* CHECK_BINOP; bool's &, |, ^ too */
        return is_int(I, other);
    case SK_FLOAT: /* CONVERT_TO_DOUBLE */
        return is_int(I, other) || ko == SK_FLOAT;
    case SK_SET: /* set_or ...: both sets */
        return ko == SK_SET;
    case SK_DICT: /* dict_or: both dicts; dict_ior takes any mapping */
        return s.inplace || ko == SK_DICT;
    case SK_STR: case SK_BYTES: case SK_LIST: case SK_TUPLE:
        if (s.op == OP_MOD) /* unicode_mod(v, w): v must be a str */
            return !s.reflected || ko == k;
        if (s.op == OP_MUL && !is_int(I, other)) { /* sq_repeat's wrap_indexargfunc */
            py_raise(I, EXC_TypeError, "'%s' object cannot be interpreted as an integer", op_typename(I, other));
            return -1;
        }
        return 1; /* sq_concat raises its own TypeError */
    default:
        return 0;
    }
}

/* __add__, __radd__, __iadd__ and their kin */
static SimId w_binary(PyRun *I, SimId *a, int n, SimId kw)
{
    const char *name = I->bi_called->name;
    BinSlot s = bin_slot(name);
    bi_wrapper_args(I, n, kw);
    if (s.op == OP_POW && n == 3 && a[2] != S->none) { /* wrap_ternaryfunc's modulus: long_pow */
        if (!is_int(I, a[0]) || !is_int(I, a[1]) || !is_int(I, a[2]))
            return py_not_modelled(I, 0, "'%s.%s' with a modulus", op_typename(I, a[0]), name), (SimId)0;
        return s.reflected ? builtin_pow_mod(I, a[1], a[0], a[2]) : builtin_pow_mod(I, a[0], a[1], a[2]);
    }
    if (!slot_num_args(I, n - (s.op == OP_POW && n == 3), kw, 1, name))
        return 0;
    SimId self = a[0], other = a[1];
    if (sim_kind(S, self) == SK_INSTANCE || sim_kind(S, other) == SK_INSTANCE)
        return py_not_modelled(I, 0, "'%s.%s' called with an instance of a program's class", op_typename(I, self),
                               name), (SimId)0;
    int t = takes(I, self, other, s);
    if (t < 0)
        return 0;
    if (t == 0)
        return py_not_implemented(I);
    SimKind k = sim_kind(S, self);
    if (strstr(name, "divmod")) /* nb_divmod */
        return s.reflected ? builtin_divmod_of(I, other, self) : builtin_divmod_of(I, self, other);
    if (s.inplace && k == SK_LIST && s.op == OP_ADD) { /* list_inplace_concat: extend with any iterable */
        if (!list_extend(I, self, other))
            return 0;
        sim_incref(S, self);
        return self;
    }
    I->own_slot = program_typed(I, self) || program_typed(I, other); /* the built-in's slot, past a subclass's */
    SimId r = s.reflected ? op_binary(I, s.op, other, self, false) : op_binary(I, s.op, self, other, s.inplace);
    I->own_slot = false;
    return r;
}

static const char *const cmp_names[] = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};

SimId slot_richcompare(PyRun *I, int op, SimId self, SimId other)
{
    SimKind k = sim_kind(S, self), ko = sim_kind(S, other);
    bool takes = false;
    switch (k) {
    case SK_INT: case SK_BOOL: takes = is_int(I, other); break;
    case SK_FLOAT: takes = is_int(I, other) || ko == SK_FLOAT; break;
    case SK_SET: takes = ko == SK_SET; break;
    case SK_DICT: case SK_RANGE: takes = ko == k && (op == OP_EQ || op == OP_NE); break; /* equality only */
    case SK_NONE: takes = false; break; /* object's: identity, below */
    default: takes = ko == k; break;
    }
    if (k == SK_NONE && self == other && (op == OP_EQ || op == OP_NE))
        return sim_bool(S, op == OP_EQ);
    if (!takes)
        return py_not_implemented(I);
    return op_compare(I, op, self, other);
}

/* __eq__, __lt__ ...: the type's tp_richcompare */
static SimId w_compare(PyRun *I, SimId *a, int n, SimId kw)
{
    const char *name = I->bi_called->name;
    int op = OP_LT;
    for (int i = 0; i < 6; i++)
        if (strcmp(cmp_names[i], name) == 0)
            op = OP_LT + i;
    bi_wrapper_args(I, n, kw);
    if (!slot_num_args(I, n, kw, 1, name))
        return 0;
    if (sim_kind(S, a[0]) == SK_INSTANCE || sim_kind(S, a[1]) == SK_INSTANCE)
        return py_not_modelled(I, 0, "'%s.%s' called with an instance of a program's class", op_typename(I, a[0]),
                               name), (SimId)0;
    I->own_slot = true; /* the built-in's own slot, past a subclass's __eq__ ... (tuple.__eq__(self, x)) */
    SimId r = slot_richcompare(I, op, a[0], a[1]);
    I->own_slot = false;
    return r;
}

/* __neg__, __pos__, __abs__, __invert__ */
static SimId w_unary(PyRun *I, SimId *a, int n, SimId kw)
{
    const char *name = I->bi_called->name;
    bi_wrapper_args(I, n, kw);
    if (!slot_num_args(I, n, kw, 0, name))
        return 0;
    I->own_slot = true; /* the built-in's own slot, not a subclass's override */
    if (strcmp(name, "__abs__") == 0)
        return builtin_abs_of(I, a[0]);
    int op = strcmp(name, "__neg__") == 0 ? OP_NEG : strcmp(name, "__pos__") == 0 ? OP_POS : OP_INVERT;
    return op_unary(I, op, a[0]);
}

/* __bool__ (wrap_inquirypred) */
static SimId w_bool(PyRun *I, SimId *a, int n, SimId kw)
{
    bi_wrapper_args(I, n, kw);
    if (!slot_num_args(I, n, kw, 0, "__bool__"))
        return 0;
    I->own_slot = true; /* the built-in's own slot, not a subclass's override */
    int t = op_truth(I, a[0]);
    return t < 0 ? 0 : sim_bool(S, t == 1);
}

/* __int__, __float__, __index__: the number converted, as int() and float() do */
static SimId w_convert(PyRun *I, SimId *a, int n, SimId kw)
{
    const char *name = I->bi_called->name;
    bi_wrapper_args(I, n, kw);
    if (!slot_num_args(I, n, kw, 0, name))
        return 0;
    SimId v = a[0];
    if (strcmp(name, "__float__") == 0) {
        if (sim_kind(S, v) == SK_FLOAT && !sim_is_subinst(S, v)) { /* float_float: an exact float is itself */
            sim_incref(S, v);
            return v;
        }
        if (sim_kind(S, v) == SK_FLOAT) /* ... a subclass's value a new exact float */
            return sim_float(S, sim_obj(S, v)->v.f);
        double d; /* long_float: PyLong_AsDouble, correctly rounded */
        return math_to_double(I, v, &d) ? sim_float(S, d) : 0;
    }
    if (sim_kind(S, v) == SK_FLOAT) /* float___trunc__ */
        return int_from_double(I, sim_obj(S, v)->v.f);
    return int_exact(I, v); /* long_long: an exact int is itself, a bool's or a subclass's value copied */
}

/* __hash__ (wrap_hashfunc) */
static SimId w_hash(PyRun *I, SimId *a, int n, SimId kw)
{
    bi_wrapper_args(I, n, kw);
    if (!slot_num_args(I, n, kw, 0, "__hash__"))
        return 0;
    int64_t h;
    return builtin_hash_of(I, a[0], &h) ? sim_int_digits(S, h) : 0;
}

/* __repr__, and __str__ of str and bytes (unicode_str: an exact str is itself) */
static SimId w_text(PyRun *I, SimId *a, int n, SimId kw)
{
    const char *name = I->bi_called->name;
    bi_wrapper_args(I, n, kw);
    if (!slot_num_args(I, n, kw, 0, name))
        return 0;
    SimId v = a[0];
    if (strcmp(name, "__str__") == 0 && sim_kind(S, v) == SK_STR && !sim_is_subinst(S, v)) {
        sim_incref(S, v);
        return v;
    }
    if (strcmp(name, "__str__") == 0 && sim_kind(S, v) == SK_STR) { /* unicode_str: an exact copy */
        size_t len;
        const char *d = sim_str_data(S, v, &len);
        return sim_str_fresh(S, d, len);
    }
    Buf b = {0}; /* the type's own repr, past a subclass's __repr__ */
    SimId r = (sim_is_subinst(S, v) ? op_repr_base(I, v, &b) : op_repr(I, v, &b)) ? str_of_text(I, v, &b) : 0;
    buf_fini(&b);
    return r;
}

#define W(nm, kind, f) BUILTIN(nm, kind, 0, f, .style = ARGS_OWN, .kw = "*")
#define ARITH(k)                                                                                                   \
    W("__add__", k, w_binary), W("__radd__", k, w_binary), W("__sub__", k, w_binary), W("__rsub__", k, w_binary), \
        W("__mul__", k, w_binary), W("__rmul__", k, w_binary), W("__truediv__", k, w_binary),                     \
        W("__rtruediv__", k, w_binary), W("__floordiv__", k, w_binary), W("__rfloordiv__", k, w_binary),          \
        W("__mod__", k, w_binary), W("__rmod__", k, w_binary), W("__pow__", k, w_binary), W("__rpow__", k, w_binary), \
        W("__divmod__", k, w_binary), W("__rdivmod__", k, w_binary),                                              \
        W("__neg__", k, w_unary), W("__pos__", k, w_unary), W("__abs__", k, w_unary), W("__bool__", k, w_bool),   \
        W("__int__", k, w_convert), W("__float__", k, w_convert), W("__hash__", k, w_hash), W("__repr__", k, w_text)
#define COMPARE(k)                                                                                                 \
    W("__lt__", k, w_compare), W("__le__", k, w_compare), W("__eq__", k, w_compare), W("__ne__", k, w_compare),   \
        W("__gt__", k, w_compare), W("__ge__", k, w_compare)
#define SETOPS(k)                                                                                                  \
    W("__and__", k, w_binary), W("__rand__", k, w_binary), W("__or__", k, w_binary), W("__ror__", k, w_binary),   \
        W("__xor__", k, w_binary), W("__rxor__", k, w_binary)

const BuiltinDef slot_op_methods[] = {
    ARITH(SK_INT), COMPARE(SK_INT), SETOPS(SK_INT),
    W("__lshift__", SK_INT, w_binary), W("__rlshift__", SK_INT, w_binary), W("__rshift__", SK_INT, w_binary),
    W("__rrshift__", SK_INT, w_binary), W("__invert__", SK_INT, w_unary), W("__index__", SK_INT, w_convert),
    ARITH(SK_FLOAT), COMPARE(SK_FLOAT),
    COMPARE(SK_STR), W("__add__", SK_STR, w_binary), W("__mul__", SK_STR, w_binary), W("__rmul__", SK_STR, w_binary),
    W("__mod__", SK_STR, w_binary), W("__rmod__", SK_STR, w_binary), W("__hash__", SK_STR, w_hash),
    W("__repr__", SK_STR, w_text), W("__str__", SK_STR, w_text),
    COMPARE(SK_BYTES), W("__add__", SK_BYTES, w_binary), W("__mul__", SK_BYTES, w_binary),
    W("__rmul__", SK_BYTES, w_binary), W("__hash__", SK_BYTES, w_hash), W("__repr__", SK_BYTES, w_text),
    W("__str__", SK_BYTES, w_text),
    COMPARE(SK_LIST), W("__add__", SK_LIST, w_binary), W("__mul__", SK_LIST, w_binary),
    W("__rmul__", SK_LIST, w_binary), W("__iadd__", SK_LIST, w_binary), W("__imul__", SK_LIST, w_binary),
    W("__repr__", SK_LIST, w_text),
    COMPARE(SK_TUPLE), W("__add__", SK_TUPLE, w_binary), W("__mul__", SK_TUPLE, w_binary),
    W("__rmul__", SK_TUPLE, w_binary), W("__hash__", SK_TUPLE, w_hash), W("__repr__", SK_TUPLE, w_text),
    COMPARE(SK_DICT), W("__or__", SK_DICT, w_binary), W("__ror__", SK_DICT, w_binary), W("__ior__", SK_DICT, w_binary),
    W("__repr__", SK_DICT, w_text),
    COMPARE(SK_SET), SETOPS(SK_SET), W("__sub__", SK_SET, w_binary), W("__rsub__", SK_SET, w_binary),
    W("__iand__", SK_SET, w_binary), W("__ior__", SK_SET, w_binary), W("__ixor__", SK_SET, w_binary),
    W("__isub__", SK_SET, w_binary), W("__hash__", SK_SET, w_hash), W("__repr__", SK_SET, w_text),
    COMPARE(SK_RANGE), W("__hash__", SK_RANGE, w_hash), W("__repr__", SK_RANGE, w_text), W("__bool__", SK_RANGE, w_bool),
    W("__repr__", SK_NONE, w_text), W("__bool__", SK_NONE, w_bool),
};
const int slot_op_nmethods = (int)(sizeof slot_op_methods / sizeof slot_op_methods[0]);
