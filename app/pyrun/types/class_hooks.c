/*
 * class_hooks: what a class statement's keywords and type_new's
 * __init_subclass__ step do (Python/bltinmodule.c builtin___build_class__,
 * Objects/typeobject.c type_new_init_subclass): `metaclass=` taken out of
 * the keywords (type or a program's metaclass, types/metaclass.c), the other
 * keywords passed on to super(cls, cls).__init_subclass__, a plain
 * function __init_subclass__ made a classmethod.
 */
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "pyrun/interp.h"
#include "pyrun/types/types.h"

#define S (I->sim)

/* type_new_set_classmethod: a plain function __init_subclass__ or
 * __class_getitem__ in the new class's dict becomes a classmethod */
static void make_classmethod(PyRun *I, SimId cls, const char *text)
{
    SimId d = SIM_V(S, cls, SK_TYPE, type.dict);
    SimId name = sim_str_static(S, text, strlen(text)); /* &_Py_ID(...) */
    SimId fn = sim_dict_get(S, d, name);
    if (fn && sim_kind(S, fn) == SK_FUNC) {
        sim_incref(S, fn);
        sim_dict_set(S, d, name, sim_method_descr(S, SK_CLASSMETHOD, fn, 0)); /* the key's reference is ours */
    } else {
        sim_decref(S, name);
    }
}

void class_init_subclass_classmethod(PyRun *I, SimId cls)
{
    make_classmethod(I, cls, "__init_subclass__");
    make_classmethod(I, cls, "__class_getitem__");
}

/* type_new_init_subclass: super(cls, cls).__init_subclass__, the first one
 * after cls in its MRO: a program's (a classmethod) or object's (0) */
static SimId init_subclass_hook(PyRun *I, SimId cls)
{
    SimId mro = sim_items(S, cls)[SIM_TY_MRO];
    for (uint32_t i = 1; mro && i < sim_obj(S, mro)->len; i++) {
        SimId c = sim_items(S, mro)[i];
        if (sim_obj(S, c)->sub != SK_INSTANCE)
            continue; /* a built-in type: object's hook, which does nothing */
        SimId v = sim_dict_get_str(S, SIM_V(S, c, SK_TYPE, type.dict), "__init_subclass__");
        if (v)
            return sim_kind(S, v) == SK_CLASSMETHOD ? v : (py_not_modelled(I, 0, "an __init_subclass__ that is "
                                                                                 "not a plain function"), (SimId)0);
    }
    return 0;
}

/* Each value of the keyword dict once more (a C array's or the value
 * stack's references), or once less */
static void hold_values(PyRun *I, SimId kw, bool take)
{
    uint32_t pos = 0;
    SimId k, v;
    while (sim_dict_next(S, kw, &pos, &k, &v))
        if (take)
            sim_incref(S, v);
        else
            sim_decref(S, v);
}

/* a new tuple of the keys of a dict (_PyStack_UnpackDict's kwnames) */
static SimId key_tuple(PyRun *I, SimId d)
{
    SimId t = sim_tuple(S, sim_obj(S, d)->len);
    uint32_t pos = 0, i = 0;
    SimId k, v;
    while (sim_dict_next(S, d, &pos, &k, &v) && i < sim_obj(S, t)->len) {
        sim_incref(S, k);
        sim_tuple_set(S, t, i++, k);
    }
    return t;
}

/* a new dict of the same items (_PyStack_AsDict) */
static SimId kw_copy(PyRun *I, SimId d)
{
    SimId c = sim_dict_presized(S, sim_obj(S, d)->len, true);
    uint32_t pos = 0;
    SimId k, v;
    while (sim_dict_next(S, d, &pos, &k, &v)) {
        sim_incref(S, k);
        sim_incref(S, v);
        sim_dict_set(S, c, k, v);
    }
    return c;
}

/* builtin___build_class__'s arguments.  With KW_NAMES the values stay on
 * the caller's stack while the class is made, the dict is __build_class__'s
 * mkw.  Through CALL_FUNCTION_EX the call holds its tuple and dict,
 * PyObject_Call unpacks the dict (a tuple of the names, the values in an
 * array), and __build_class__ makes its own bases tuple and mkw from them.
 * Then `metaclass` is popped from mkw (*metaout: a new reference, 0 when
 * none was given): type or a program's subclass of it, any other is
 * refused. */
bool class_keywords(PyRun *I, SimId *bases, SimId *kw, bool ex, SimId hold[3], SimId *metaout)
{
    *metaout = 0;
    if (ex) {
        SimId call = *bases, sd = *kw;
        hold[0] = call, hold[1] = sd;
        if (sim_kind(S, sd) == SK_NONE || (sim_kind(S, sd) == SK_DICT && !sim_obj(S, sd)->len)) {
            sim_decref(S, sd); /* none, or an empty `**`: the call has no keywords */
            hold[1] = sd = 0;
        }
        if ((sd && sim_kind(S, sd) != SK_DICT) || sim_kind(S, call) != SK_TUPLE || sim_obj(S, call)->len < 2) {
            *bases = *kw = 0;
            class_keywords_release(I, 0, hold);
            return py_not_modelled(I, 0, "class arguments the model could not gather");
        }
        uint32_t pos = 0;
        SimId k, v;
        while (sd && sim_dict_next(S, sd, &pos, &k, &v))
            if (sim_kind(S, k) != SK_STR) { /* _PyStack_UnpackDict */
                *bases = *kw = 0;
                class_keywords_release(I, 0, hold);
                py_raise(I, EXC_TypeError, "keywords must be strings");
                return false;
            }
        hold[2] = sd ? key_tuple(I, sd) : 0;
        uint32_t n = sim_obj(S, call)->len - 2;
        SimId b = sim_tuple(S, n);
        for (uint32_t i = 0; i < n; i++) {
            sim_incref(S, sim_items(S, call)[i + 2]);
            sim_tuple_set(S, b, i, sim_items(S, call)[i + 2]);
        }
        *bases = b;
        *kw = sd ? kw_copy(I, sd) : 0;
        if (!sd)
            return true;
    }
    SimId key = sim_str_intern(S, "metaclass", 9);
    SimId meta = sim_dict_get(S, *kw, key);
    bool ok = true;
    if (meta && meta != S->type_type && !metaclass_is(I, meta))
        ok = py_not_modelled(I, 0, "a metaclass other than type or a class of the program deriving from type");
    else if (meta) {
        sim_incref(S, meta); /* __build_class__'s, the dict's given up */
        *metaout = meta;
        sim_dict_del(S, *kw, key);
    }
    sim_decref(S, key);
    hold_values(I, *kw, true); /* the stack's (KW_NAMES) or the unpacked array's references */
    if (!ok) {
        sim_decref(S, *bases);
        class_keywords_release(I, *kw, hold);
        *bases = *kw = 0;
    }
    return ok;
}

void class_keywords_release(PyRun *I, SimId kw, SimId hold[3])
{
    if (kw) { /* mkw, then the references the call held */
        uint32_t n = sim_obj(S, kw)->len, i = 0;
        SimId *vals = n ? xmalloc(n * sizeof *vals) : NULL;
        uint32_t pos = 0;
        SimId k, v;
        while (sim_dict_next(S, kw, &pos, &k, &v) && i < n)
            vals[i++] = v;
        sim_decref(S, kw);
        for (uint32_t j = 0; j < i; j++)
            sim_decref(S, vals[j]);
        free(vals);
    }
    static const int order[3] = {2, 0, 1}; /* the names' tuple, the call's tuple, its dict */
    for (int j = 0; j < 3; j++) {
        sim_xdecref(S, hold[order[j]]);
        hold[order[j]] = 0;
    }
}

/* type.__call__ given keywords (PyObject_VectorcallDict, then
 * _PyObject_MakeTpCall): before the argument tuple, the names' tuple and
 * the values' references; after it, the keyword dict type_call gets */
SimId class_call_keywords_begin(PyRun *I, SimId kw)
{
    if (!kw || !sim_obj(S, kw)->len)
        return 0;
    SimId names = key_tuple(I, kw);
    hold_values(I, kw, true);
    return names;
}

SimId class_call_keywords_dict(PyRun *I, SimId kw)
{
    return kw && sim_obj(S, kw)->len ? kw_copy(I, kw) : 0;
}

void class_call_keywords_end(PyRun *I, SimId kw, SimId names, SimId tpdict)
{
    sim_xdecref(S, tpdict);
    if (names) {
        hold_values(I, kw, false);
        sim_decref(S, names);
    }
}

/* object.__init_subclass__ given keywords: its TypeError, named for the class */
static bool object_hook_keywords(PyRun *I, SimId cls)
{
    py_raise(I, EXC_TypeError, "%s.__init_subclass__() takes no keyword arguments", class_qualname(I, cls));
    return false;
}

const char *class_qualname(PyRun *I, SimId cls)
{
    SimId q = sim_items(S, cls)[SIM_TY_QUALNAME];
    return sim_str_data(S, q ? q : sim_items(S, cls)[SIM_TY_NAME], &(size_t){0});
}

/* PyObject_VectorcallDict: the keywords' values after the positional
 * arguments, their names in a new tuple (_PyStack_UnpackDict) */
static SimId call_with_dict(PyRun *I, SimId fn, SimId kw)
{
    uint32_t nkw = kw ? sim_obj(S, kw)->len : 0;
    if (!nkw)
        return vm_call(I, fn, NULL, 0);
    if (nkw > 64)
        return py_not_modelled(I, 0, "more than 64 class keywords"), (SimId)0;
    SimId vals[64];
    SimId names = sim_tuple(S, nkw);
    uint32_t pos = 0, i = 0;
    SimId k, v;
    while (sim_dict_next(S, kw, &pos, &k, &v) && i < nkw) {
        sim_incref(S, k);
        sim_tuple_set(S, names, i, k);
        vals[i++] = v;
    }
    hold_values(I, kw, true); /* the array's references */
    SimId r = vm_call_kw(I, fn, vals, (int)i, names);
    for (uint32_t j = 0; j < i; j++)
        sim_decref(S, vals[j]);
    sim_decref(S, names);
    return r;
}

/* super(cls, cls).__init_subclass__ bound, then called with the class
 * keywords (kw borrowed, 0: none) */
bool class_init_subclass(PyRun *I, SimId cls, SimId kw)
{
    SimId hook = init_subclass_hook(I, cls);
    if (I->refused)
        return false;
    if (hook && (abc_is_abc_class(I, cls) || enum_is_enum_class(I, cls)))
        return py_not_modelled(I, 0, "__init_subclass__ of an ABC or an Enum (their metaclass's order)");
    SimId sup = sim_super(S);
    SimId bound = hook ? descr_get(I, hook, 0, cls) : sim_builtin(S, 0, 0);
    sim_decref(S, sup);
    if (!bound)
        return false;
    if (!hook) {
        sim_decref(S, bound);
        return kw && sim_obj(S, kw)->len ? object_hook_keywords(I, cls) : true;
    }
    SimId r = call_with_dict(I, bound, kw);
    sim_xdecref(S, r);
    sim_decref(S, bound);
    return r != 0;
}
