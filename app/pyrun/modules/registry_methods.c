/*
 * registry_methods: the index that finds a built-in type's method by its
 * kind and name (built once per run, per profile), binding one to its
 * object, and the method descriptors read on a type (str.lower) with the
 * checks of their unbound calls.
 */
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "pyrun/builtins.h"
#include "pyrun/modules/registry_int.h"
#include "pyrun/types/types.h"

#define S (I->sim)

static uint32_t method_hash(int kind, const char *name)
{
    uint32_t h = 2166136261u ^ (uint32_t)kind;
    for (; *name; name++)
        h = (h ^ (unsigned char)*name) * 16777619u;
    return h;
}

/* Does this profile's CPython have the method?  A name dir() of the type
 * lists for another version only (int.is_integer, 3.12+) is left out. */
/* Is the method in this profile's CPython?  A mask of the table entry: the
 * dir() tables' answer, which the unit test test_method_masks checks, was
 * a third of a million instructions at every run's start. */
static bool method_in_profile(PyRun *I, const BuiltinDef *d)
{
    return !(d->hidden & 1u << S->prof->version);
}

bool bi_method_in_profile(PyRun *I, int index) { return method_in_profile(I, bi_def((uint32_t)index)); }

/* The index builtin_method_index() reads, built once per run: a linear
 * scan of several hundred names on every method call was a tenth of the
 * time of a loop of method calls. */
void registry_method_index_build(PyRun *I)
{
    int first, end;
    bi_method_range(&first, &end);
    uint32_t cap = 64;
    while (cap < 2u * (uint32_t)(end - first))
        cap *= 2;
    I->method_slots = xcalloc(cap, sizeof *I->method_slots);
    I->method_mask = cap - 1;
    for (int i = first; i < end; i++) {
        const BuiltinDef *d = bi_def((uint32_t)i);
        if (!method_in_profile(I, d))
            continue;
        uint32_t j = method_hash(d->owner, d->name) & I->method_mask;
        while (I->method_slots[j])
            j = (j + 1) & I->method_mask;
        I->method_slots[j] = i + 1;
    }
}

int builtin_method_index(PyRun *I, SimId obj, const char *name)
{
    int k = sim_kind(S, obj);
    if (k == SK_BOOL) /* bool adds no method of its own to int's */
        k = SK_INT;
    if (k == SK_SET && sim_obj(S, obj)->sub == SIM_SET_FROZEN && !set_method_of_frozenset(name))
        return -1; /* a method that changes the set */
    for (uint32_t j = method_hash(k, name) & I->method_mask; I->method_slots[j]; j = (j + 1) & I->method_mask) {
        const BuiltinDef *d = bi_def((uint32_t)I->method_slots[j] - 1);
        if (d->owner == k && strcmp(d->name, name) == 0)
            return k == SK_ITER && sim_is_native(S, obj) && bi_slot_wrapper(d) ? -1 : I->method_slots[j] - 1;
    }
    if (name[0] == '_' && dunder_inherits_object(k, name)) /* [].__str__: object's */
        return class_object_slot(I, name);
    return -1;
}

SimId bi_bind(PyRun *I, uint32_t index, SimId self)
{
    sim_incref(S, self);
    return bi_slot_wrapper(bi_def(index)) ? sim_method_wrapper(S, index, self) : sim_builtin(S, index, self);
}

int bi_method_of_kind(int k, const char *name)
{
    int first, end;
    bi_method_range(&first, &end);
    for (int i = first; i < end; i++) {
        const BuiltinDef *d = bi_def((uint32_t)i);
        if (d->owner == k && strcmp(d->name, name) == 0)
            return i;
    }
    return -1;
}

/* The kinds whose methods a program can read from the type (str.lower) and
 * call unbound: their method descriptors check the first argument. */
static bool descriptor_kind(int k)
{
    return k == SK_STR || k == SK_LIST || k == SK_DICT || k == SK_SET || k == SK_TUPLE || k == SK_BYTEARRAY ||
           k == SK_INT || k == SK_FLOAT || k == SK_BYTES || k == SK_TYPE;
}

/* Is self an instance of the kind a method is defined on? (bool is an int;
 * everything is an object) */
static bool self_fits(PyRun *I, int owner, SimId self)
{
    int k = sim_kind(S, self);
    return k == owner || owner == SK_OBJECT || (owner == SK_INT && k == SK_BOOL);
}

/* method_vectorcall's checks of an unbound call's self */
bool registry_unbound_self_ok(PyRun *I, const BuiltinDef *d, SimId *args, int nargs, SimId kw)
{
    const char *tn = sim_kind_name((SimKind)d->owner);
    int np = nargs - (kw ? (int)sim_obj(S, kw)->len : 0);
    bool ops = (d >= slot_op_methods && d < slot_op_methods + slot_op_nmethods) ||
               (d >= dunder_methods && d < dunder_methods + dunder_nmethods) ||
               (d >= object_slot_methods && d < object_slot_methods + object_slot_nmethods);
    if (ops && bi_slot_wrapper(d)) { /* wrapperdescr_call's checks */
        if (np < 1) {
            py_raise(I, EXC_TypeError, "descriptor '%s' of '%s' object needs an argument", d->name, tn);
            return false;
        }
        if (!self_fits(I, d->owner, args[0])) {
            py_raise(I, EXC_TypeError, "descriptor '%s' requires a '%s' object but received a '%s'", d->name, tn,
                     op_typename(I, args[0]));
            return false;
        }
        return true;
    }
    if ((!descriptor_kind(d->owner) && !ops) || d->module == BM_COLLECTIONS) /* Counter's: Python functions */
        return true;
    if (np < 1) {
        py_raise(I, EXC_TypeError, "unbound method %s.%s() needs an argument", tn, d->name);
        return false;
    }
    if (!self_fits(I, d->owner, args[0])) {
        py_raise(I, EXC_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", d->name, tn,
                 op_typename(I, args[0]));
        return false;
    }
    return true;
}

/* A method descriptor of a built-in type (str.upper) stored in a plain
 * class's body and read through an instance: its __get__ binds only to
 * instances of its own type, which a plain instance never is. */
bool builtins_refuse_foreign_descriptor(PyRun *I, SimId c, SimId obj)
{
    SimObj *o = sim_obj(S, c);
    if (o->kind != SK_BUILTIN || o->v.builtin.self)
        return false;
    const BuiltinDef *d = bi_def(o->v.builtin.index);
    if (!d || !d->owner)
        return false;
    if (!descriptor_kind(d->owner)) {
        py_not_modelled(I, 0, "a method of '%s' stored in a class and read through an instance",
                        sim_kind_name((SimKind)d->owner));
        return true;
    }
    py_raise(I, EXC_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", d->name,
             sim_kind_name((SimKind)d->owner), op_typename(I, obj));
    return true;
}

SimId builtins_descriptor(PyRun *I, SimId type, uint32_t index)
{
    const BuiltinDef *d = bi_def(index);
    if (!descriptor_kind(d->owner) && !d->classmethod) /* float.__new__ binds to its type */
        return py_not_modelled(I, 0, "'%s.%s' read on the type", sim_kind_name((SimKind)d->owner), d->name), (SimId)0;
    if (d->classmethod) { /* bound to the type: <built-in method fromkeys of type object> */
        sim_incref(S, type);
        return sim_builtin(S, index, type);
    }
    sim_incref(S, I->builtin_methods[index]);
    return I->builtin_methods[index];
}
