/*
 * vm_super: `super().name` and `super(C, obj).name`, the forms the compiler
 * gives its own instruction (OP_SUPER_ATTR), as CPython runs them.
 *
 * 3.12 and 3.13 compile them to LOAD_SUPER_ATTR: no super object is made,
 * and a method is loaded with its self, without a bound method.  3.11
 * calls super(), which makes a super object (freed once the attribute is
 * read), and LOAD_METHOD on it makes a bound method.  The lookup is the
 * same: the class's MRO after C.  Any other use of super() is refused by
 * the builtin (modules/builtins.c).
 */
#include <stdio.h>
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/interp.h"
#include "pyrun/types/types.h"

#define S (I->sim)
#define F (I->ts->top)
#define PUSH(v) do { SimId pv_ = (v); I->ts->stack[F->sp++] = pv_; } while (0)
#define POP() (I->ts->stack[--F->sp])

/* the attribute `name` of the classes after cls in the MRO of start
 * (super_getattro: starttype's tp_mro from the entry after cls) */
static SimId lookup_after(PyRun *I, SimId start, SimId cls, const char *name)
{
    SimId mro = sim_obj(S, start)->sub == SK_INSTANCE ? sim_type_word(S, start, SIM_TY_MRO) : 0;
    if (!mro)
        return 0;
    uint32_t n = sim_obj(S, mro)->len, i = 0;
    while (i < n && sim_items(S, mro)[i] != cls)
        i++;
    for (i++; i < n; i++) {
        SimId c = sim_items(S, mro)[i];
        if (sim_obj(S, c)->sub != SK_INSTANCE || !SIM_V(S, c, SK_TYPE, type.dict))
            continue;
        SimId v = sim_dict_get_str(S, SIM_V(S, c, SK_TYPE, type.dict), name);
        if (v)
            return v;
    }
    return 0;
}

/* super().__new__ in a __new__ (super(C, cls), cls a class): the next
 * class's static __new__ (its function), or tuple.__new__ (a built-in
 * bound to tuple) for a subclass of tuple; 3.11's super object meanwhile */
static bool super_new(PyRun *I, SimId start, SimId cls, SimId *out)
{
    SimId held = S->prof->version == SIM_V311 ? sim_super(S) : 0;
    SimId v = lookup_after(I, start, cls, "__new__");
    bool ok = true;
    if (v && sim_kind(S, v) == SK_STATICMETHOD) {
        *out = SIM_V(S, v, SK_STATICMETHOD, descr.func);
        sim_incref(S, *out);
    } else if (!v && sim_type_word(S, start, SIM_TY_KIND) == SK_TYPE) { /* a metaclass's: type.__new__ */
        *out = builtins_descriptor(I, S->type_type, (uint32_t)bi_method_of_kind(SK_TYPE, "__new__"));
        ok = *out != 0;
    } else if (!v && (sim_type_word(S, start, SIM_TY_KIND) == SK_TUPLE || scalarsub_layout(I, start))) {
        SimKind k = (SimKind)sim_type_word(S, start, SIM_TY_KIND); /* tuple.__new__, float.__new__ ... */
        *out = builtins_descriptor(I, S->types[k], (uint32_t)bi_method_of_kind(k, "__new__"));
        ok = *out != 0;
    } else {
        ok = py_not_modelled(I, 0, "super().__new__ reaching object.__new__ or another descriptor");
    }
    if (held)
        sim_decref(S, held);
    return ok;
}

/* super(C, cls).__init_subclass__ in a class's own hook (cls a class):
 * the next hook in cls's MRO, bound to cls, or object's (a built-in bound
 * to cls); the other attributes of a super with a class are refused */
static bool super_class_hook(PyRun *I, SimId self, SimId cls, SimId *out)
{
    /* 3.11: super() is an object until the attribute is read */
    SimId held = S->prof->version == SIM_V311 ? sim_super(S) : 0;
    SimId v = lookup_after(I, self, cls, "__init_subclass__");
    bool ok = true;
    if (v && sim_kind(S, v) == SK_CLASSMETHOD) {
        *out = descr_get(I, v, 0, self);
        ok = *out != 0;
    } else if (!v) {
        sim_incref(S, self);
        *out = sim_builtin(S, (uint32_t)class_object_slot(I, "__init_subclass__"), self);
    } else {
        ok = py_not_modelled(I, 0, "an __init_subclass__ that is not a plain function");
    }
    if (held)
        sim_decref(S, held);
    return ok;
}

/* super().name in a metaclass's method whose self is a class (its
 * __init__, __call__, a method of its own): the metaclass's MRO after cls,
 * then type's __init__ and __call__ (a slot wrapper, unbound with self in
 * the method form of 3.12+, else a method-wrapper) */
static bool super_meta(PyRun *I, SimId self, SimId cls, const char *key, bool method, SimId *a, SimId *b)
{
    SimId mt = sim_type_of(S, self);
    SimId held = S->prof->version == SIM_V311 ? sim_super(S) : 0;
    SimId v = lookup_after(I, mt, cls, key);
    int idx = !v && (strcmp(key, "__init__") == 0 || strcmp(key, "__call__") == 0) ? bi_method_of_kind(SK_TYPE, key)
                                                                                   : -1;
    bool ok = true;
    *a = 0;
    if (v && sim_kind(S, v) == SK_FUNC && method && !held) {
        sim_incref(S, v);
        sim_incref(S, self);
        *a = v, *b = self;
    } else if (v && sim_kind(S, v) == SK_FUNC) {
        sim_incref(S, v);
        sim_incref(S, self);
        *b = sim_method(S, v, self);
    } else if (idx >= 0 && method && !held) {
        *a = I->builtin_methods[idx];
        sim_incref(S, *a);
        sim_incref(S, self);
        *b = self;
    } else if (idx >= 0) {
        sim_incref(S, self);
        *b = sim_builtin(S, (uint32_t)idx, self);
    } else {
        ok = py_not_modelled(I, 0, "super().%s in a metaclass's method reaching other than a function or "
                                   "type's __init__ and __call__", key);
    }
    if (held)
        sim_decref(S, held);
    return ok;
}

bool vm_super_attr(PyRun *I, int arg)
{
    SimId self = POP(), cls = POP(), sup = POP();
    bool method = arg & 1, two = arg & 2;
    SimId name = vm_name_const(I, arg >> 2);
    bool ok = false;
    SimId out_a = 0, out_b = 0, obj_type = 0;
    if (sup != S->types[SK_SUPER]) {
        py_not_modelled(I, 0, "calling a 'super' other than the builtin");
    } else if (!cls) {
        py_raise(I, EXC_RuntimeError, two ? "super() argument 1 must be a type" : "super(): empty __class__ cell");
    } else if (sim_kind(S, cls) != SK_TYPE) {
        py_raise(I, EXC_TypeError, "super() argument 1 must be a type, not %s", op_typename(I, cls));
    } else if (!self) {
        py_raise(I, EXC_RuntimeError, "super(): no arguments");
    } else if (sim_kind(S, self) == SK_TYPE && metaclass_is(I, sim_type_of(S, self)) &&
               sim_is_subtype(S, sim_type_of(S, self), cls)) { /* self a class, cls its metaclass or a base of it */
        size_t n;
        const char *s = sim_str_data(S, name, &n);
        char key[128];
        snprintf(key, sizeof key, "%.*s", (int)n, s);
        ok = super_meta(I, self, cls, key, method, &out_a, &out_b);
    } else if (sim_kind(S, self) == SK_TYPE && sim_obj(S, self)->sub == SK_INSTANCE &&
               sim_str_equals(S, name, "__new__") && sim_is_subtype(S, self, cls)) {
        ok = super_new(I, self, cls, &out_b);
        out_a = 0;
    } else if (sim_kind(S, self) == SK_TYPE && sim_obj(S, self)->sub == SK_INSTANCE &&
               sim_str_equals(S, name, "__init_subclass__") && sim_is_subtype(S, self, cls)) {
        ok = super_class_hook(I, self, cls, &out_b);
        out_a = 0;
    } else if (sim_kind(S, self) == SK_TYPE) {
        py_not_modelled(I, 0, "super() in a class method (a class as the second argument)");
    } else if (!sim_is_subtype(S, obj_type = sim_type_of(S, self), cls)) {
        size_t cn = 0;
        const char *cname = sim_obj(S, cls)->sub == SK_INSTANCE ? sim_str_data(S, sim_items(S, cls)[0], &cn)
                                                                 : sim_kind_name((SimKind)sim_obj(S, cls)->sub);
        if (!cn)
            cn = strlen(cname);
        if (S->prof->version >= SIM_V313)
            py_raise(I, EXC_TypeError, "super(type, obj): obj (instance of %s) is not an instance or subtype of "
                     "type (%.*s).", op_typename(I, self), (int)cn, cname);
        else
            py_raise(I, EXC_TypeError, "super(type, obj): obj must be an instance or subtype of type");
    } else {
        size_t n;
        const char *s = sim_str_data(S, name, &n);
        char key[128];
        snprintf(key, sizeof key, "%.*s", (int)n, s);
        /* 3.11: super() is an object until the attribute is read */
        SimId held = S->prof->version == SIM_V311 ? sim_super(S) : 0;
        SimId v = lookup_after(I, obj_type, cls, key);
        /* object's slot wrappers, when object ends the MRO (not BaseException) */
        bool object_root = sim_type_word(S, obj_type, SIM_TY_FLAGS) & SIM_TYF_HEAP;
        int slot = v || !object_root ? -1 : class_object_slot(I, key);
        int bmeth = v ? -1 : subinst_super_method(I, obj_type, cls, key); /* list's, dict's */
        if (bmeth >= 0)
            slot = bmeth;
        I->super_slot = bmeth >= 0 && method && !held; /* the call that follows: types/subinst.c */
        if (!v && exc_is_instance(I, self) && (out_b = exc_method(I, self, key)) != 0) {
            out_a = 0; /* BaseException's own method, bound (a method-wrapper) */
            ok = true;
        } else if (slot >= 0 && method && !held) { /* object's slot wrapper, unbound, and self */
            out_a = I->builtin_methods[slot];
            sim_incref(S, out_a);
            sim_incref(S, self);
            out_b = self, ok = true;
        } else if (slot >= 0) { /* wrapperdescr_get: a method-wrapper */
            sim_incref(S, self);
            out_b = sim_builtin(S, (uint32_t)slot, self);
            ok = true;
        } else if (!v) { /* a built-in base's other methods are not in the model's classes */
            if (modelled_attr_missing(I, self, s, n))
                py_raise(I, EXC_AttributeError, "'super' object has no attribute '%s'", key);
        } else if (sim_kind(S, v) == SK_PROPERTY || sim_kind(S, v) == SK_CLASSMETHOD ||
                   sim_kind(S, v) == SK_STATICMETHOD) { /* super_getattro: tp_descr_get(v, obj, starttype) */
            out_a = 0;
            out_b = descr_get(I, v, self, obj_type);
            ok = out_b != 0;
        } else if (sim_kind(S, v) == SK_MEMBER_DESCR || sim_kind(S, v) == SK_GETSET_DESCR) {
            out_b = member_get(I, v, self); /* a slot of a base: its value */
            ok = out_b != 0;
        } else if (sim_kind(S, v) == SK_FUNC && method && !held) {
            sim_incref(S, v); /* LOAD_SUPER_ATTR's method form: the function and self */
            sim_incref(S, self);
            out_a = v, out_b = self, ok = true;
        } else if (sim_kind(S, v) == SK_FUNC) {
            sim_incref(S, v); /* function.__get__: a bound method holding both */
            sim_incref(S, self);
            out_b = sim_method(S, v, self);
            ok = true;
        } else if (weakref_native_method(I, v)) { /* a method of threading's Thread: bound */
            sim_incref(S, self);
            out_b = sim_builtin(S, SIM_V(S, v, SK_BUILTIN, builtin.index), self);
            ok = true;
        } else if (sim_kind(S, v) == SK_INSTANCE || sim_kind(S, v) == SK_TYPE) {
            py_not_modelled(I, 0, "super() reaching a descriptor other than a function");
        } else {
            sim_incref(S, v);
            out_b = v, ok = true;
        }
        if (held)
            sim_decref(S, held);
    }
    sim_decref(S, sup);
    if (cls)
        sim_decref(S, cls);
    if (self)
        sim_decref(S, self);
    if (!ok)
        return false;
    if (method)
        PUSH(out_a);
    PUSH(out_b);
    return true;
}
