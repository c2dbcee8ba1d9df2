/*
 * class_methods: the methods of type and object a program calls by name:
 * type.mro(), type.__subclasses__(), and object's __init__,
 * __init_subclass__ and slot wrappers __getattribute__, __setattr__,
 * __delattr__ (Objects/typeobject.c).
 */
#include <string.h>

#include "pyrun/interp.h"
#include "pyrun/types/types.h"

#define S (I->sim)

/* ---- type.mro() --------------------------------------------------------------- */

/* type_mro_impl: mro_implementation's sequence as a new list (a tuple
 * first for a class with one base) */
static SimId t_mro(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    SimId cls = a[0];
    if (sim_kind(S, cls) == SK_TYPE && ((I->chainmap_type && sim_is_subtype(S, cls, I->chainmap_type)) ||
                                        (I->fraction_type && sim_is_subtype(S, cls, I->fraction_type)) ||
                                        chainview_is_class(I, cls)))
        return py_not_modelled(I, 0, "the bases of collections.ChainMap (collections.abc's MutableMapping ...)"),
               (SimId)0;
    SimId mro = sim_obj(S, cls)->sub == SK_INSTANCE ? sim_type_word(S, cls, SIM_TY_MRO) : 0;
    SimId one[2] = {cls, S->type_object};
    const SimId *items = mro ? sim_items(S, mro) : one;
    uint32_t len = mro ? sim_obj(S, mro)->len : cls == S->type_object ? 1 : 2;
    SimId bases = sim_type_word(S, cls, SIM_TY_BASES);
    SimId tmp = 0;
    if (!bases || sim_obj(S, bases)->len < 2) {
        tmp = sim_tuple(S, len);
        for (uint32_t i = 0; i < len; i++) {
            sim_incref(S, items[i]);
            sim_tuple_set(S, tmp, i, items[i]);
        }
    }
    SimId list = sim_list(S, len);
    for (uint32_t i = 0; i < len; i++) {
        sim_incref(S, items[i]);
        sim_list_set(S, list, i, items[i]);
    }
    sim_xdecref(S, tmp);
    return list;
}

/* type___subclasses___impl: the live classes of its subclass dict, in order */
static SimId t_subclasses(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    SimId cls = a[0];
    if (sim_obj(S, cls)->sub != SK_INSTANCE || !(sim_type_word(S, cls, SIM_TY_FLAGS) & SIM_TYF_HEAP))
        return py_not_modelled(I, 0, "__subclasses__() of a built-in class"), (SimId)0;
    SimId list = sim_list(S, 0);
    SimId d = sim_type_word(S, cls, SIM_TY_SUBCLASSES);
    uint32_t pos = 0;
    SimId k, ref;
    while (d && sim_dict_next(S, d, &pos, &k, &ref)) {
        SimId sub = SIM_V(S, ref, SK_WEAKREF, weakref.obj);
        if (sub) {
            sim_incref(S, sub);
            sim_list_append(S, list, sub);
        }
    }
    return list;
}

const BuiltinDef type_methods[] = {
    BUILTIN("mro", SK_TYPE, 0, t_mro, .style = ARGS_NONE),
    BUILTIN("__subclasses__", SK_TYPE, 0, t_subclasses, .style = ARGS_NONE),
    /* types/metaclass.c: type.__new__ (bound to type), type.__init__, type.__call__ */
    BUILTIN("__new__", SK_TYPE, 0, metaclass_type_new_fn, .kw = "*", .style = ARGS_OWN, .classmethod = true),
    BUILTIN("__init__", SK_TYPE, 0, metaclass_type_init_fn, .kw = "*", .style = ARGS_OWN),
    BUILTIN("__call__", SK_TYPE, 0, metaclass_type_call_fn, .kw = "*", .style = ARGS_OWN),
};
const int type_nmethods = (int)(sizeof type_methods / sizeof type_methods[0]);

/* ---- object's slot wrappers: __getattribute__, __setattr__, __delattr__ ---- */

/* wrapperdescr_call: the argument tuple, then the tuple after self */
static bool slot_args(PyRun *I, int n, int want, SimId name)
{
    bi_args_tuple(I, n);
    bi_args_tuple(I, n - 1);
    if (n != want) {
        py_raise(I, EXC_TypeError, n < 1 ? "descriptor needs an argument" : "expected %d argument%s, got %d",
                 want - 1, want == 2 ? "" : "s", n - 1);
        return false;
    }
    if (sim_kind(S, name) != SK_STR) {
        py_raise(I, EXC_TypeError, "attribute name must be string, not '%s'", op_typename(I, name));
        return false;
    }
    return true;
}

static SimId o_getattribute(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!slot_args(I, n, 2, n > 1 ? a[1] : 0))
        return 0;
    typecache_name_seen(I, a[1]);
    return attr_get_generic(I, a[0], a[1]);
}

static SimId o_setattr(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!slot_args(I, n, 3, n > 1 ? a[1] : 0))
        return 0;
    typecache_name_seen(I, a[1]);
    return attr_set_generic(I, a[0], a[1], a[2]) ? bi_none(I) : 0;
}

static SimId o_delattr(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!slot_args(I, n, 2, n > 1 ? a[1] : 0))
        return 0;
    typecache_name_seen(I, a[1]);
    return attr_del_generic(I, a[0], a[1]) ? bi_none(I) : 0;
}

/* object_init: nothing to do, unless given arguments it cannot pass on */
static SimId o_init(PyRun *I, SimId *a, int n, SimId kw)
{
    bi_args_tuple(I, n);
    bi_args_tuple(I, n - 1);
    if (n < 1) {
        py_raise(I, EXC_TypeError, "descriptor '__init__' of 'object' object needs an argument");
        return 0;
    }
    if (n > 1 || (kw && sim_obj(S, kw)->len)) {
        /* the type's own tp_init: object's message; tp_new object_new: the
         * type's; another tp_new (a built-in type's instance): no error */
        SimKind k = sim_kind(S, a[0]);
        SimId init = k == SK_INSTANCE ? sim_type_lookup(S, sim_obj(S, a[0])->type, "__init__") : 0;
        if (init || k == SK_OBJECT) {
            py_raise(I, EXC_TypeError, "object.__init__() takes exactly one argument (the instance to initialize)");
            return 0;
        }
        if (k == SK_INSTANCE) {
            py_raise(I, EXC_TypeError, "%s.__init__() takes exactly one argument (the instance to initialize)",
                     op_typename(I, a[0]));
            return 0;
        }
        return py_not_modelled(I, 0, "object.__init__ called on a '%s' with arguments", op_typename(I, a[0])),
               (SimId)0;
    }
    return bi_none(I);
}

/* object.__init_subclass__ (METH_CLASS | METH_NOARGS): the hook that does
 * nothing, reached by super().__init_subclass__() in a class's own hook */
static SimId o_init_subclass(PyRun *I, SimId *a, int n, SimId kw)
{
    int nkw = kw ? (int)sim_obj(S, kw)->len : 0;
    const char *cls = n > 0 && sim_kind(S, a[0]) == SK_TYPE && sim_obj(S, a[0])->sub == SK_INSTANCE
                          ? class_qualname(I, a[0])
                          : "object"; /* the bound class's __qualname__, as _PyObject_FunctionStr gives it */
    if (nkw) {
        py_raise(I, EXC_TypeError, "%s.__init_subclass__() takes no keyword arguments", cls);
        return 0;
    }
    if (n > 1) {
        py_raise(I, EXC_TypeError, "%s.__init_subclass__() takes no arguments (%d given)", cls, n - 1);
        return 0;
    }
    return bi_none(I);
}

const BuiltinDef object_methods[] = {
    BUILTIN("__init__", SK_OBJECT, 0, o_init, .kw = "*", .style = ARGS_OWN),
    BUILTIN("__init_subclass__", SK_OBJECT, 0, o_init_subclass, .kw = "*", .style = ARGS_OWN),
    BUILTIN("__getattribute__", SK_OBJECT, 0, o_getattribute, .style = ARGS_OWN),
    BUILTIN("__setattr__", SK_OBJECT, 0, o_setattr, .style = ARGS_OWN),
    BUILTIN("__delattr__", SK_OBJECT, 0, o_delattr, .style = ARGS_OWN),
};
const int object_nmethods = (int)(sizeof object_methods / sizeof object_methods[0]);

int class_object_slot(PyRun *I, const char *name)
{
    int first, end;
    bi_method_range(&first, &end);
    for (int i = first; i < end; i++) {
        const BuiltinDef *d = bi_def((uint32_t)i);
        if (d->owner == SK_OBJECT && strcmp(d->name, name) == 0)
            return i;
    }
    (void)I;
    return -1;
}
