/*
 * builtin_attr: what a learner reads on a built-in callable:
 * `l.append.__self__`, `len.__name__`, `l.__len__.__qualname__`,
 * `list.append.__objclass__`.
 *
 * CPython's rules (Objects/methodobject.c meth_get__qualname__,
 * descrobject.c descr_get_qualname, wrapper_qualname):
 *   - a bound built-in method's __qualname__ is its self's type's
 *     __qualname__ (self itself when self is a type) and its name:
 *     `True.bit_length` is 'bool.bit_length', `dict.fromkeys` 'dict.fromkeys';
 *     its __module__ is None and its __self__ the object;
 *   - a module's function has its name as qualname, the module's name as
 *     __module__ and the module as __self__;
 *   - a method descriptor, a slot wrapper and a method-wrapper name the
 *     type that defines the method (`l.__str__` is 'object.__str__') and
 *     give it as __objclass__; a method-wrapper's __self__ is its object.
 * What the model cannot answer the same way (a method CPython writes in
 * Python, a native class's method, a frozenset's method read on its type)
 * is left to the caller, which refuses it.
 */
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/types/native.h"
#include "pyrun/types/types.h"

#define S (I->sim)

static SimId ret(PyRun *I, SimId v)
{
    sim_incref(S, v);
    return v;
}

/* a type's __qualname__ as a new str */
static SimId type_qualname(PyRun *I, SimId t)
{
    if (sim_obj(S, t)->sub == SK_INSTANCE)
        return ret(I, sim_items(S, t)[SIM_TY_QUALNAME]);
    const char *tn = sim_type_obj_name(S, t);
    const char *dot = strrchr(tn, '.'); /* tp_name "collections.deque": qualname "deque" */
    tn = dot ? dot + 1 : tn;
    return sim_str(S, tn, strlen(tn));
}

static SimId dotted(PyRun *I, SimId type, const char *name)
{
    SimId q = type_qualname(I, type);
    size_t n;
    const char *t = sim_str_data(S, q, &n);
    Buf b = {0};
    buf_printf(&b, "%.*s.%s", (int)n, t, name);
    sim_decref(S, q);
    SimId r = sim_str(S, buf_str(&b), b.len);
    buf_fini(&b);
    return r;
}

/* the kinds whose methods are C functions of the type itself */
static bool core_kind(int k)
{
    switch (k) {
    case SK_INT: case SK_BOOL: case SK_FLOAT: case SK_COMPLEX: case SK_STR: case SK_BYTES: case SK_BYTEARRAY:
    case SK_LIST: case SK_TUPLE: case SK_DICT: case SK_SET: case SK_RANGE: case SK_OBJECT: case SK_TYPE:
        return true;
    default:
        return false;
    }
}

/* The type that defines a slot wrapper or method of `self`: the kind's own
 * type (frozenset for a frozenset's), 0 when the model cannot tell. */
static SimId defining_type(PyRun *I, const BuiltinDef *d, SimId self)
{
    if (d->owner == SK_SET) { /* set and frozenset define their methods each */
        if (!self || sim_kind(S, self) != SK_SET)
            return 0;
        return sim_obj(S, self)->sub == SIM_SET_FROZEN ? S->xtypes[SIM_XT_FROZENSET] : S->types[SK_SET];
    }
    return S->types[d->owner];
}

static bool is_name(const char *name, const char *want) { return strcmp(name, want) == 0; }

/* the C modules whose functions answer __module__ with the module's own name */
static const char *c_module(int m)
{
    switch (m) {
    case BM_BUILTINS: return "builtins";
    case BM_GC: return "gc";
    case BM_SYS: return "sys";
    case BM_MATH: return "math";
    case BM_TIME: return "time";
    default: return NULL;
    }
}

SimId builtin_callable_attr(PyRun *I, SimId v, const char *name, bool *found)
{
    const SimObj *o = sim_obj(S, v);
    const BuiltinDef *d = bi_def(o->v.builtin.index);
    SimId self = o->v.builtin.self;
    *found = false;
    if (!d || native_python_level(I, v) || bi_python_library(d) || (self && sim_is_native(S, self)))
        return 0;
    bool wrapper = o->sub == SIM_BUILTIN_WRAPPER || bi_slot_wrapper(d);
    if (is_name(name, "__name__")) {
        *found = true;
        return sim_str(S, d->name, strlen(d->name));
    }
    if (!d->owner) { /* a module's function */
        const char *mod = c_module(d->module);
        if (!mod || self)
            return 0;
        if (is_name(name, "__qualname__")) {
            *found = true;
            return sim_str(S, d->name, strlen(d->name));
        }
        if (is_name(name, "__module__")) {
            *found = true;
            return sim_str(S, mod, strlen(mod));
        }
        SimId m = d->module == BM_GC || d->module == BM_SYS ? module_find_loaded(I, mod) : 0;
        if (is_name(name, "__self__") && m) { /* a built-in module's repr is the model's */
            *found = true;
            return ret(I, m);
        }
        return 0;
    }
    if (!core_kind(d->owner) || d->module != BM_BUILTINS)
        return 0;
    if (wrapper || !self) { /* a slot wrapper, a method-wrapper, a method descriptor */
        SimId t = defining_type(I, d, self);
        if (!t)
            return 0;
        if (is_name(name, "__qualname__")) {
            *found = true;
            return dotted(I, t, d->name);
        }
        if (is_name(name, "__objclass__")) {
            *found = true;
            return ret(I, t);
        }
        if (is_name(name, "__self__") && self) {
            *found = true;
            return ret(I, self);
        }
        return 0;
    }
    if (d->classmethod && sim_kind(S, self) != SK_TYPE) /* {}.fromkeys: bound to the type */
        self = sim_type_of(S, self);
    if (is_name(name, "__qualname__")) { /* meth_get__qualname__ */
        *found = true;
        return dotted(I, sim_kind(S, self) == SK_TYPE ? self : sim_type_of(S, self), d->name);
    }
    if (is_name(name, "__module__")) {
        *found = true;
        return ret(I, S->none);
    }
    if (is_name(name, "__self__")) {
        *found = true;
        return ret(I, self);
    }
    return 0;
}
