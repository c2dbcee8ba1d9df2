/*
 * scalarsub: a program's subclass of float, int, str or bytes (`class
 * Money(float)`, `class CaseInsensitive(str)`), as CPython makes their
 * instances: the base's tp_new computes the exact value from the call's
 * arguments (float_new_impl, long_new_impl, unicode_new_impl,
 * bytes_new_impl on the exact type), then float_subtype_new /
 * long_subtype_new / unicode_subtype_new / bytes_subtype_new copy it into
 * an instance of the class (tracked: every heap type is a GC type) and
 * drop the exact one.  A subclass of frozenset is made the same way in
 * frozenset_new, but filled in place (make_new_set(type, iterable)).  The class's own __new__ reaches this through
 * super().__new__(cls, ...) or float.__new__(cls, ...) (tp_new_wrapper,
 * whose argument tuple and its slice after cls are made and dropped).
 * Sizes are sim/subinst.c's; the instances behave as the base everywhere
 * else (types/subinst.c gives their attributes and __dict__).
 */
#include "pyrun/interp.h"
#include "pyrun/types/types.h"

#define S (I->sim)

bool scalarsub_layout(PyRun *I, SimId cls)
{
    uint32_t k = sim_type_word(S, cls, SIM_TY_KIND);
    return k == SK_FLOAT || k == SK_INT || k == SK_STR || k == SK_BYTES ||
           (k == SK_SET && (sim_type_word(S, cls, SIM_TY_FLAGS) & SIM_TYF_FROZEN));
}

/* frozenset_new on a subclass: PyArg_UnpackTuple with the class's name
 * (keywords are not checked but for frozenset itself), then make_new_set */
static SimId frozen_new(PyRun *I, SimId cls, SimId *a, int n, SimId kw)
{
    int np = bi_npos(I, n, kw);
    if (np > 1) {
        py_raise(I, EXC_TypeError, "%s expected at most 1 argument, got %d", sim_type_obj_name(S, cls), np);
        return 0;
    }
    SimId r = sim_subinst_new(S, cls, 0);
    if (np && !set_update(I, r, a[0])) {
        sim_decref(S, r);
        return 0;
    }
    return r;
}

/* the exact value the base's tp_new makes (0 with the error raised) */
static SimId exact_value(PyRun *I, SimKind k, SimId *a, int n, SimId kw)
{
    if (k == SK_FLOAT) {
        if (kw && sim_obj(S, kw)->len) {
            py_raise(I, EXC_TypeError, "float() takes no keyword arguments");
            return 0;
        }
        return float_construct(I, a, n, 0);
    }
    if (k == SK_INT)
        return int_from_args(I, a, n, kw);
    if (k == SK_BYTES)
        return bytes_value(I, a, n, kw);
    int np = bi_npos(I, n, kw);
    if (np < n)
        return py_not_modelled(I, 0, "str() with keyword arguments"), (SimId)0;
    return str_of(I, a, n, np);
}

SimId scalarsub_new(PyRun *I, SimId cls, SimId *a, int n, SimId kw)
{
    SimKind k = (SimKind)sim_type_word(S, cls, SIM_TY_KIND);
    if (k == SK_SET)
        return frozen_new(I, cls, a, n, kw);
    SimId v = exact_value(I, k, a, n, kw);
    if (!v)
        return 0;
    SimId r = sim_subinst_scalar(S, cls, v);
    sim_decref(S, v);
    if (!r)
        return py_not_modelled(I, 0, "an instance of a subclass of int beyond 64 bits"), (SimId)0;
    return r;
}

/* float.__new__(cls, ...), int.__new__, str.__new__: tp_new_wrapper bound
 * to the base type (a[0]); its argument tuple and the slice after cls */
static SimId w_new(PyRun *I, SimId *a, int n, SimId kw, SimKind k)
{
    const char *base = sim_kind_name(k);
    int nkw = kw ? (int)sim_obj(S, kw)->len : 0, np = n - 1 - nkw;
    if (np < 1) {
        py_raise(I, EXC_TypeError, "%s.__new__(): not enough arguments", base);
        return 0;
    }
    SimId sub = a[1];
    if (sim_kind(S, sub) != SK_TYPE) {
        py_raise(I, EXC_TypeError, "%s.__new__(X): X is not a type object (%s)", base, op_typename(I, sub));
        return 0;
    }
    if (!sim_is_subtype(S, sub, S->types[k])) {
        const char *nm = sim_type_obj_name(S, sub);
        py_raise(I, EXC_TypeError, "%s.__new__(%s): %s is not a subtype of %s", base, nm, nm, base);
        return 0;
    }
    SimId args = bi_held_tuple(I, n - 1 - nkw), tail = bi_held_tuple(I, n - 2 - nkw);
    SimId r = sub == S->types[k] ? exact_value(I, k, a + 2, n - 2, kw) : scalarsub_new(I, sub, a + 2, n - 2, kw);
    sim_xdecref(S, tail);
    sim_xdecref(S, args);
    return r;
}

static SimId f_new(PyRun *I, SimId *a, int n, SimId kw) { return w_new(I, a, n, kw, SK_FLOAT); }
static SimId i_new(PyRun *I, SimId *a, int n, SimId kw) { return w_new(I, a, n, kw, SK_INT); }
static SimId s_new(PyRun *I, SimId *a, int n, SimId kw) { return w_new(I, a, n, kw, SK_STR); }
static SimId b_new(PyRun *I, SimId *a, int n, SimId kw) { return w_new(I, a, n, kw, SK_BYTES); }

const BuiltinDef scalarsub_methods[] = {
    BUILTIN("__new__", SK_FLOAT, 0, f_new, .kw = "*", .classmethod = true),
    BUILTIN("__new__", SK_INT, 0, i_new, .kw = "*", .classmethod = true),
    BUILTIN("__new__", SK_STR, 0, s_new, .kw = "*", .classmethod = true),
    BUILTIN("__new__", SK_BYTES, 0, b_new, .kw = "*", .classmethod = true),
};
const int scalarsub_nmethods = (int)(sizeof scalarsub_methods / sizeof scalarsub_methods[0]);
