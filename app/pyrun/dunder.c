/*
 * dunder: the special methods of a program's classes, called where
 * CPython's type slots call them (Objects/typeobject.c, the slot_*
 * functions; Objects/abstract.c, binary_op1; Objects/object.c,
 * do_richcompare).  A method is looked up on the class, never on the
 * instance, and called with the instance as its first argument: no bound
 * method object is made, as vectorcall_method makes none.
 *
 * Each entry returns a new reference, or 0 with the exception raised; the
 * operators return NotImplemented (a new reference) when no class has a
 * say, and the caller gives CPython's error for the built-in side.
 */
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/interp.h"
#include "pyrun/types/types.h"
#include "sim/userkey.h"

#define S (I->sim)

static const char *const cmp_names[] = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};

/* the method `name` a program's class of v defines (borrowed), or 0 */
static SimId user_method(PyRun *I, SimId v, const char *name)
{
    if (sim_kind(S, v) != SK_INSTANCE && !metaclass_of_class(I, v) && !sim_is_subinst(S, v))
        return 0; /* an instance, a class of a metaclass of the program's, an instance of a subclass of a
                   * built-in (whose class body may define only what modelled.c lets it) */
    SimId m = sim_type_lookup(S, sim_obj(S, v)->type, name);
    return m && (sim_kind(S, m) == SK_FUNC || weakref_native_method(I, m) || functools_is_ordering(I, m)) ? m
                                                                                                         : 0;
}

static SimId call1(PyRun *I, SimId m, SimId self) { return vm_call(I, m, &self, 1); }

static SimId call2(PyRun *I, SimId m, SimId self, SimId other)
{
    SimId args[2] = {self, other};
    return vm_call(I, m, args, 2);
}

SimId py_not_implemented(PyRun *I)
{
    sim_incref(S, S->notimpl);
    return S->notimpl;
}

/* vectorcall_maybe: the method's result, NotImplemented when the class lacks it */
static SimId call_maybe(PyRun *I, SimId self, const char *name, SimId other)
{
    SimId m = user_method(I, self, name);
    return m ? call2(I, m, self, other) : py_not_implemented(I);
}

bool dunder_defines(PyRun *I, SimId v, const char *name) { return user_method(I, v, name) != 0; }

bool subinst_compares(PyRun *I, SimId v)
{
    if (!sim_is_subinst(S, v))
        return false;
    for (int i = 0; i < 6; i++)
        if (user_method(I, v, cmp_names[i]))
            return true;
    return false;
}

bool subinst_overrides_iter(PyRun *I, SimId v)
{
    return sim_is_subinst(S, v) && (user_method(I, v, "__iter__") || user_method(I, v, "__len__"));
}

SimId dunder_call0(PyRun *I, SimId v, const char *name)
{
    SimId m = user_method(I, v, name);
    return m ? call1(I, m, v) : S->notimpl;
}

SimId dunder_special0(PyRun *I, SimId v, const char *name)
{
    SimId m = user_method(I, v, name);
    if (!m)
        return S->notimpl;
    if (sim_kind(S, m) != SK_FUNC) /* fractions.Fraction's: a native method */
        return call1(I, m, v);
    sim_incref(S, m); /* _PyObject_LookupSpecial: a method object, alive while the call runs */
    sim_incref(S, v);
    SimId bound = sim_method(S, m, v);
    SimId r = vm_call(I, bound, NULL, 0);
    sim_decref(S, bound);
    return r;
}

/* ---- binary operators ---------------------------------------------------- */

static const char *const op_names[][3] = {
    [OP_ADD] = {"__add__", "__radd__", "__iadd__"},
    [OP_SUB] = {"__sub__", "__rsub__", "__isub__"},
    [OP_MUL] = {"__mul__", "__rmul__", "__imul__"},
    [OP_DIV] = {"__truediv__", "__rtruediv__", "__itruediv__"},
    [OP_FLOORDIV] = {"__floordiv__", "__rfloordiv__", "__ifloordiv__"},
    [OP_MOD] = {"__mod__", "__rmod__", "__imod__"},
    [OP_POW] = {"__pow__", "__rpow__", "__ipow__"},
    [OP_LSHIFT] = {"__lshift__", "__rlshift__", "__ilshift__"},
    [OP_RSHIFT] = {"__rshift__", "__rrshift__", "__irshift__"},
    [OP_BITAND] = {"__and__", "__rand__", "__iand__"},
    [OP_BITOR] = {"__or__", "__ror__", "__ior__"},
    [OP_BITXOR] = {"__xor__", "__rxor__", "__ixor__"},
    [OP_MATMUL] = {"__matmul__", "__rmatmul__", "__imatmul__"},
};

/* a class defining either half of an operator gets the slot (SLOT1BINFULL) */
static bool has_slot(PyRun *I, SimId v, int op)
{
    return user_method(I, v, op_names[op][0]) || user_method(I, v, op_names[op][1]);
}

/* slot_nb_*(self, other): the reflected method of a subclass first, then
 * self's, then other's */
static SimId slot_binary(PyRun *I, int op, SimId self, SimId other)
{
    SimId ts = sim_type_of(S, self), to = sim_type_of(S, other);
    bool do_other = ts != to && has_slot(I, other, op);
    if (has_slot(I, self, op)) {
        if (do_other && sim_is_subtype(S, to, ts)) {
            SimId r = call_maybe(I, other, op_names[op][1], self);
            if (r != S->notimpl)
                return r;
            sim_decref(S, r);
            do_other = false;
        }
        SimId r = call_maybe(I, self, op_names[op][0], other);
        if (r != S->notimpl || ts == to)
            return r;
        sim_decref(S, r);
    }
    return do_other ? call_maybe(I, other, op_names[op][1], self) : py_not_implemented(I);
}

bool subinst_operates(PyRun *I, SimId v, int op, bool inplace)
{
    return sim_is_subinst(S, v) && (has_slot(I, v, op) || (inplace && user_method(I, v, op_names[op][2])));
}

SimId dunder_binary(PyRun *I, int op, SimId a, SimId b, bool inplace)
{
    if (inplace) { /* binary_iop1: __iadd__ first */
        SimId m = user_method(I, a, op_names[op][2]);
        if (m) {
            SimId r = call2(I, m, a, b);
            if (r != S->notimpl)
                return r;
            sim_decref(S, r);
        }
    }
    /* binary_op1: a built-in type's slot answers NotImplemented to an
     * instance, and two classes' slots are the same function, called once */
    if (has_slot(I, a, op) || has_slot(I, b, op))
        return slot_binary(I, op, a, b);
    return py_not_implemented(I);
}

/* ---- comparisons --------------------------------------------------------- */

static const int swapped[] = {OP_GT, OP_GE, OP_EQ, OP_NE, OP_LT, OP_LE};

int dunder_truth(PyRun *I, SimId v);

/* tp_richcompare of v: slot_tp_richcompare for an instance (its class's
 * method, or object's: identity for ==, the inverse of __eq__ for !=);
 * NotImplemented from a built-in type asked about an instance */
/* the built-in's own tp_richcompare (list_richcompare ...), past a subclass's methods */
static SimId base_richcompare(PyRun *I, int op, SimId v, SimId w)
{
    I->own_slot = true;
    SimId r = slot_richcompare(I, op, v, w);
    I->own_slot = false; /* not consumed when the slot answered NotImplemented at once */
    return r;
}

static SimId richcompare(PyRun *I, SimId v, SimId w, int op)
{
    if (sim_is_subinst(S, v)) { /* slot_tp_richcompare: the class's method, else the built-in's */
        SimId m = user_method(I, v, cmp_names[op - OP_LT]);
        return m ? call2(I, m, v, w) : base_richcompare(I, op, v, w);
    }
    if (sim_kind(S, v) != SK_INSTANCE) /* a built-in takes a subclass's instance of its own kind */
        return sim_is_subinst(S, w) ? base_richcompare(I, op, v, w) : py_not_implemented(I);
    SimId m = user_method(I, v, cmp_names[op - OP_LT]);
    if (m)
        return call2(I, m, v, w);
    if (op == OP_EQ) {
        if (v == w) {
            sim_incref(S, S->true_);
            return S->true_;
        }
        return py_not_implemented(I);
    }
    if (op == OP_NE) { /* object.__ne__ */
        SimId r = richcompare(I, v, w, OP_EQ);
        if (!r || r == S->notimpl)
            return r;
        int t = op_truth(I, r);
        sim_decref(S, r);
        return t < 0 ? 0 : sim_bool(S, !t);
    }
    return py_not_implemented(I);
}

SimId dunder_compare(PyRun *I, int op, SimId v, SimId w)
{
    SimId tv = sim_type_of(S, v), tw = sim_type_of(S, w);
    bool checked = false;
    if (tv != tw && (sim_kind(S, w) == SK_INSTANCE || sim_is_subinst(S, w)) && sim_is_subtype(S, tw, tv)) {
        checked = true;
        SimId r = richcompare(I, w, v, swapped[op - OP_LT]);
        if (r != S->notimpl)
            return r;
        sim_decref(S, r);
    }
    SimId r = richcompare(I, v, w, op);
    if (r != S->notimpl)
        return r;
    sim_decref(S, r);
    if (!checked) {
        r = richcompare(I, w, v, swapped[op - OP_LT]);
        if (r != S->notimpl)
            return r;
        sim_decref(S, r);
    }
    if (op == OP_EQ || op == OP_NE)
        return sim_bool(S, (v == w) == (op == OP_EQ));
    static const char *sym[] = {"<", "<=", "==", "!=", ">", ">="};
    py_raise(I, EXC_TypeError, "'%s' not supported between instances of '%s' and '%s'",
             sym[op - OP_LT], op_typename(I, v), op_typename(I, w));
    return 0;
}

/* ---- truth, unary operators, len ------------------------------------------ */

/* __len__'s result as len() and truth take it: an int >= 0 */
static bool len_result(PyRun *I, SimId r, int64_t *out)
{
    SimKind k = sim_kind(S, r);
    if (k != SK_INT && k != SK_BOOL) {
        py_raise(I, EXC_TypeError, "'%s' object cannot be interpreted as an integer", op_typename(I, r));
        return false;
    }
    if (sim_obj(S, r)->sub == 1) { /* a big int */
        py_raise(I, EXC_OverflowError, "cannot fit 'int' into an index-sized integer");
        return false;
    }
    *out = sim_obj(S, r)->v.i;
    if (*out < 0) {
        py_raise(I, EXC_ValueError, "__len__() should return >= 0");
        return false;
    }
    return true;
}

SimId dunder_len(PyRun *I, SimId v)
{
    SimId m = user_method(I, v, "__len__");
    if (!m)
        return S->notimpl; /* borrowed marker: no __len__ */
    SimId r = call1(I, m, v);
    if (!r)
        return 0;
    int64_t n;
    bool ok = len_result(I, r, &n);
    sim_decref(S, r);
    return ok ? sim_int(S, n) : 0; /* PyLong_FromSsize_t: a new int */
}

/* An instance, or an instance of a subclass of a built-in other than int
 * (whose own value _PyNumber_Index and PyFloat_AsDouble take, past any
 * hook) or float (for PyFloat_AsDouble): may its class's hook be called? */
static bool number_hooked(PyRun *I, SimId v, SimKind own)
{
    SimKind k = sim_kind(S, v);
    return k == SK_INSTANCE || (sim_is_subinst(S, v) && k != own && k != SK_INT && k != SK_BOOL);
}

bool dunder_index_hooked(PyRun *I, SimId v) { return number_hooked(I, v, SK_INT); }

SimId dunder_index(PyRun *I, SimId v)
{
    SimId m = number_hooked(I, v, SK_INT) ? user_method(I, v, "__index__") : 0;
    if (!m)
        return S->notimpl;
    SimId r = call1(I, m, v);
    if (!r)
        return 0;
    SimKind k = sim_kind(S, r);
    if (k == SK_INT && !sim_is_subinst(S, r))
        return r;
    if (k == SK_BOOL || sim_is_subinst(S, r)) { /* a DeprecationWarning, then its int value */
        sim_decref(S, r);
        return py_not_modelled(I, 0, "an __index__ that returns a subclass of int (a DeprecationWarning)"), (SimId)0;
    }
    py_raise(I, EXC_TypeError, "__index__ returned non-int (type %s)", op_typename(I, r));
    sim_decref(S, r);
    return 0;
}

SimId dunder_float(PyRun *I, SimId v)
{
    return sim_kind(S, v) == SK_FLOAT ? S->notimpl : dunder_float_slot(I, v);
}

SimId dunder_float_slot(PyRun *I, SimId v)
{
    bool hooked = sim_kind(S, v) == SK_INSTANCE || sim_is_subinst(S, v);
    SimId r = hooked ? dunder_call0(I, v, "__float__") : S->notimpl;
    if (!r || r == S->notimpl)
        return r;
    if (sim_kind(S, r) == SK_FLOAT && !sim_is_subinst(S, r))
        return r;
    if (sim_kind(S, r) == SK_FLOAT) { /* a DeprecationWarning, then its value */
        sim_decref(S, r);
        return py_not_modelled(I, 0, "a __float__ that returns a subclass of float (a DeprecationWarning)"), (SimId)0;
    }
    py_raise(I, EXC_TypeError, "%s.__float__ returned non-float (type %s)", op_typename(I, v), op_typename(I, r));
    sim_decref(S, r);
    return 0;
}

SimId dunder_int(PyRun *I, SimId v)
{
    bool sub = sim_is_subinst(S, v); /* an int's or float's subclass: nb_int is the base's own */
    SimId r = sim_kind(S, v) == SK_INSTANCE || sub ? dunder_call0(I, v, "__int__") : S->notimpl;
    if (r == S->notimpl) /* PyNumber_Long: __int__, else __index__ */
        return sub ? r : dunder_index(I, v);
    if (!r)
        return 0;
    if (sim_kind(S, r) == SK_INT && !sim_is_subinst(S, r))
        return r;
    if (sim_kind(S, r) == SK_INT || sim_kind(S, r) == SK_BOOL) {
        sim_decref(S, r);
        return py_not_modelled(I, 0, "an __int__ that returns a subclass of int (a DeprecationWarning)"), (SimId)0;
    }
    py_raise(I, EXC_TypeError, "__int__ returned non-int (type %s)", op_typename(I, r));
    sim_decref(S, r);
    return 0;
}

int dunder_truth(PyRun *I, SimId v)
{
    SimId m = user_method(I, v, "__bool__");
    if (m) {
        SimId r = call1(I, m, v);
        if (!r)
            return -1;
        if (sim_kind(S, r) != SK_BOOL) {
            py_raise(I, EXC_TypeError, "__bool__ should return bool, returned %s", op_typename(I, r));
            sim_decref(S, r);
            return -1;
        }
        int t = r == S->true_;
        sim_decref(S, r);
        return t;
    }
    m = user_method(I, v, "__len__");
    if (!m)
        return 1;
    SimId r = call1(I, m, v);
    if (!r)
        return -1;
    int64_t n;
    bool ok = len_result(I, r, &n);
    sim_decref(S, r);
    return ok ? n != 0 : -1;
}

SimId dunder_unary(PyRun *I, int op, SimId v)
{
    const char *name = op == OP_NEG ? "__neg__" : op == OP_POS ? "__pos__" : "__invert__";
    SimId m = user_method(I, v, name);
    if (m)
        return call1(I, m, v);
    py_raise(I, EXC_TypeError, "bad operand type for unary %s: '%s'",
             op == OP_NEG ? "-" : op == OP_POS ? "+" : "~", op_typename(I, v));
    return 0;
}

/* ---- containers ------------------------------------------------------------ */

SimId dunder_getitem(PyRun *I, SimId v, SimId key)
{
    SimId m = user_method(I, v, "__getitem__");
    if (m)
        return call2(I, m, v, key);
    py_raise(I, EXC_TypeError, "'%s' object is not subscriptable", op_typename(I, v));
    return 0;
}

bool dunder_setitem(PyRun *I, SimId v, SimId key, SimId value)
{
    SimId m = user_method(I, v, "__setitem__");
    if (!m) {
        py_raise(I, EXC_TypeError, "'%s' object does not support item assignment", op_typename(I, v));
        return false;
    }
    SimId args[3] = {v, key, value};
    SimId r = vm_call(I, m, args, 3);
    if (r)
        sim_decref(S, r);
    return r != 0;
}

bool dunder_delitem(PyRun *I, SimId v, SimId key)
{
    SimId m = user_method(I, v, "__delitem__");
    if (!m) {
        py_raise(I, EXC_TypeError, "'%s' object doesn't support item deletion", op_typename(I, v));
        return false;
    }
    SimId r = call2(I, m, v, key);
    if (r)
        sim_decref(S, r);
    return r != 0;
}

/* `item in v`: __contains__, or a walk of __iter__'s items; -2 when the
 * class has neither (the caller says "not iterable") */
int dunder_contains(PyRun *I, SimId v, SimId item)
{
    SimId m = user_method(I, v, "__contains__");
    if (m) {
        SimId r = call2(I, m, v, item);
        if (!r)
            return -1;
        int t = op_truth(I, r);
        sim_decref(S, r);
        return t;
    }
    if (!user_method(I, v, "__iter__") && !user_method(I, v, "__getitem__"))
        return -2;
    SimId it = iter_new(I, v); /* __iter__, or the old sequence protocol's iterator */
    if (!it)
        return -1;
    int found = 0;
    for (;;) {
        SimId x = iter_next(I, it);
        if (!x) {
            found = I->ts->err.set ? -1 : 0;
            break;
        }
        found = op_equal(I, x, item);
        sim_decref(S, x);
        if (found)
            break;
    }
    sim_decref(S, it);
    return found;
}

/* ---- iteration -------------------------------------------------------------- */

SimId dunder_iter(PyRun *I, SimId v)
{
    SimId m = user_method(I, v, "__iter__");
    if (!m) {
        if (user_method(I, v, "__getitem__")) {
            py_not_modelled(I, 0, "iterating over an object with only __getitem__ (the old sequence protocol)");
            return 0;
        }
        return S->notimpl; /* borrowed marker: not iterable */
    }
    SimId r = call1(I, m, v);
    if (!r)
        return 0;
    if (sim_kind(S, r) != SK_ITER && sim_kind(S, r) != SK_GEN && !user_method(I, r, "__next__")) {
        py_raise(I, EXC_TypeError, "iter() returned non-iterator of type '%s'", op_typename(I, r));
        sim_decref(S, r);
        return 0;
    }
    return r;
}

SimId dunder_next(PyRun *I, SimId it)
{
    SimId m = user_method(I, it, "__next__");
    if (!m) {
        py_raise(I, EXC_TypeError, "'%s' object is not an iterator", op_typename(I, it));
        return 0;
    }
    SimId r = call1(I, m, it);
    if (!r && py_err_matches(I, EXC_StopIteration))
        py_err_clear(I); /* the end of the iteration, not an error */
    return r;
}

/* ---- hashing ----------------------------------------------------------------- */

/* PyObject_Hash of a dict key or set item, for what it does: a class's
 * own __hash__ runs (once per operation, as CPython calls it for the key
 * it is given; a tuple's items in order) and its result is noted for the
 * model's tables (sim/userkey.h); other kinds are hashed by the model.
 * False with TypeError raised for the first unhashable part, or with the
 * error of a __hash__. */
/* A subclass's instance as a key: its class's __hash__ (noted like an
 * instance's), None (unhashable, as __eq__ alone makes it), or the
 * built-in's hash; with a __eq__ of the class's own, that hash is noted too,
 * so that a lookup meeting a stored key of the same hash asks __eq__
 * (sim/userkey.h), as do_lookup does. */
static bool subinst_hashable(PyRun *I, SimId k)
{
    if (user_method(I, k, "__hash__")) {
        SimId h = dunder_hash(I, k);
        if (!h)
            return false;
        sim_userhash_note(S, k, sim_obj(S, h)->v.i);
        sim_decref(S, h);
        return true;
    }
    SimId hm = sim_type_lookup(S, sim_obj(S, k)->type, "__hash__");
    if ((hm && sim_kind(S, hm) == SK_NONE) || (sim_kind(S, k) != SK_TUPLE && !sim_hashable(S, k))) {
        py_raise(I, EXC_TypeError, "unhashable type: '%s'", op_typename(I, k));
        return false;
    }
    if (sim_kind(S, k) == SK_TUPLE)
        for (uint32_t i = 0; i < sim_obj(S, k)->len; i++)
            if (!py_hashable(I, sim_items(S, k)[i]))
                return false;
    if (subinst_compares(I, k))
        sim_userhash_note(S, k, (int64_t)sim_hash(S, k));
    return true;
}

bool py_hashable(PyRun *I, SimId k)
{
    SimKind kind = sim_kind(S, k);
    if (sim_is_subinst(S, k))
        return subinst_hashable(I, k);
    if (kind == SK_STR || kind == SK_INT) /* the common keys: what the */
        return true;                      /* checks below say for them */
    if (kind == SK_TUPLE) {
        for (uint32_t i = 0; i < sim_obj(S, k)->len; i++)
            if (!py_hashable(I, sim_items(S, k)[i]))
                return false;
        return true;
    }
    if (kind == SK_INSTANCE && user_method(I, k, "__hash__")) {
        SimId h = dunder_hash(I, k);
        if (!h)
            return false;
        sim_userhash_note(S, k, sim_obj(S, h)->v.i);
        sim_decref(S, h);
        return true;
    }
    if (galias_is(I, k)) /* ga_hash: by origin and arguments, which the model's dicts do not hash so */
        return py_not_modelled(I, 0, "a generic alias (list[int] ...) as a dict key or set item (its hash)");
    if (slice_is(I, k)) /* 3.12 made slices hashable, by value */
        return S->prof->version == SIM_V311 ? (py_raise(I, EXC_TypeError, "unhashable type: 'slice'"), false)
                                            : py_not_modelled(I, 0, "a slice as a dict key or set item (its hash)");
    if (sim_hashable(S, k))
        return true;
    py_raise(I, EXC_TypeError, "unhashable type: '%s'", op_typename(I, k));
    return false;
}

SimId dunder_hash(PyRun *I, SimId v)
{
    SimId m = user_method(I, v, "__hash__");
    if (!m)
        return S->notimpl; /* borrowed marker: not a class's own __hash__ */
    SimId r = call1(I, m, v);
    if (!r)
        return 0;
    SimKind k = sim_kind(S, r);
    if (k != SK_INT && k != SK_BOOL) {
        py_raise(I, EXC_TypeError, "__hash__ method should return an integer");
        sim_decref(S, r);
        return 0;
    }
    if (sim_obj(S, r)->sub == SIM_INT_UNSURE) { /* a count the model cannot state (sys.getrefcount) */
        sim_decref(S, r);
        return py_not_modelled(I, 0, "a __hash__ returning a reference count the model cannot state") ? 0 : 0;
    }
    if (sim_obj(S, r)->sub == 1) { /* slot_tp_hash takes int.__hash__ of a big int */
        sim_decref(S, r);
        return py_not_modelled(I, 0, "a __hash__ returning an int of more than 64 bits") ? 0 : 0;
    }
    int64_t h = sim_obj(S, r)->v.i;
    if (k == SK_INT && h != -1)
        return r;
    sim_decref(S, r); /* hash(True) is 1, an int; -1 is reserved for errors: -2 */
    return sim_int(S, h == -1 ? -2 : h);
}
