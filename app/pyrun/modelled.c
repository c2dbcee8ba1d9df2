/*
 * modelled: where the model meets what it does not have. Each check asks
 * the generated tables of what the real CPython of the profile has
 * (modules/cpython_names.c): a name CPython has but the model lacks is
 * refused honestly (py_not_modelled), a name CPython lacks too gets CPython's
 * own error. The same tables print the list of what is modelled
 * (`pydive run --modelled`, docs/MODELLED.md).
 */
#include <stdio.h>
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/modules/cpython_names.h"
#include "pyrun/types/types.h"

#define S (I->sim)
#define VER (I->sim->prof->version)

bool modelled_name_missing(PyRun *I, SimId name)
{
    size_t n;
    const char *s = sim_str_data(S, name, &n);
    if (cpython_has(&cpython_builtins, s, n, VER))
        return py_not_modelled(I, 0, "the builtin '%.*s'", (int)n, s);
    return true;
}

/* Why a module CPython has is refused, where the reason was measured. */
static const struct {
    const char *module, *why;
} module_reasons[] = {
    {"multiprocessing", " (of multiprocessing the model has Process and Pool; chapter 3's lab shows more, `pydive "
                        "exercise run make-it-scale` or `pydive gil --regime processes`)"},
};

bool modelled_module_missing(PyRun *I, const char *name, size_t n)
{
    size_t top = 0;
    while (top < n && name[top] != '.')
        top++;
    const char *why = "";
    for (size_t i = 0; i < sizeof module_reasons / sizeof module_reasons[0]; i++)
        if (module_reasons[i].module && strlen(module_reasons[i].module) == top && memcmp(module_reasons[i].module, name, top) == 0)
            why = module_reasons[i].why;
    if (cpython_has(&cpython_stdlib, name, top, VER))
        return py_not_modelled(I, 0, "the module '%.*s'%s", (int)n, name, why);
    return true;
}

/* dir() of the CPython type or module obj belongs to, and its name */
static const CpyNameSet *real_names(PyRun *I, SimId obj, const char **owner, const CpyNameSet **also)
{
    SimObj *o = sim_obj(S, obj);
    *also = NULL;
    if (sim_is_subinst(S, obj)) { /* a subclass of list or dict: the built-in's names */
        *owner = sim_kind_name((SimKind)o->kind);
        return cpython_type_names(*owner);
    }
    switch ((SimKind)o->kind) {
    case SK_MODULE: {
        size_t mn;
        *owner = sim_str_data(S, o->v.module.name, &mn);
        *also = cpython_type_names("module");
        return cpython_module_names(*owner);
    }
    case SK_INSTANCE:
        *owner = sim_type_name(S, obj);
        return cpython_type_names(exc_is_class(I, o->type) ? "BaseException" : "object");
    case SK_TYPE:
        if (o->sub == SK_INSTANCE) {
            *owner = sim_str_data(S, sim_items(S, obj)[0], &(size_t){0});
            *also = cpython_type_names(exc_is_class(I, obj) ? "BaseException" : "object");
        } else {
            *owner = sim_type_obj_name(S, obj);
            *also = cpython_type_names(*owner);
        }
        return cpython_type_names("type");
    case SK_ITER:
        *owner = sim_type_name(S, obj);
        return cpython_type_names("list_iterator");
    default:
        *owner = sim_type_name(S, obj);
        return cpython_type_names(*owner);
    }
}

bool modelled_attr_missing(PyRun *I, SimId obj, const char *name, size_t n)
{
    SimObj *o = sim_obj(S, obj);
    if (obj == I->version_info_type || sys_version_is(I, obj)) /* its type's tp_name is 'sys.version_info' */
        return py_not_modelled(I, 0, "'sys.version_info%s.%.*s'", obj == I->version_info_type ? " type" : "", (int)n,
                               name);
    if ((o->kind == SK_ITER && sim_xtype_of(S, obj) != SIM_XT_LIST_ITER) ||
        (o->kind == SK_TYPE && o->sub == SK_ITER)) /* names not listed per iterator type: refused */
        return py_not_modelled(I, 0, "'%s.%.*s'", o->kind == SK_TYPE ? sim_type_obj_name(S, obj) : sim_type_name(S, obj),
                               (int)n, name);
    static const char *const abc_meta[] = {"register", "_abc_impl", "_abc_registry_clear", "_abc_caches_clear",
                                           "_dump_registry", "__instancecheck__", "__subclasscheck__"};
    SimId cls = o->kind == SK_TYPE ? obj : o->kind == SK_INSTANCE ? o->type : 0;
    for (size_t i = 0; cls && i < sizeof abc_meta / sizeof abc_meta[0]; i++)
        if (strlen(abc_meta[i]) == n && memcmp(abc_meta[i], name, n) == 0 && (o->kind == SK_TYPE || i == 1) &&
            abc_refused(I, cls, abc_meta[i]))
            return false;
    static const char *const enum_type[] = {"__members__", "_missing_", "_generate_next_value_", "_new_member_",
                                            "_use_args_", "_member_type_", "_value_repr_", "_unhashable_values_",
                                            "_numeric_repr_", "_add_alias_", "_add_value_alias_"};
    for (size_t i = 0; cls && i < sizeof enum_type / sizeof enum_type[0]; i++)
        if (strlen(enum_type[i]) == n && memcmp(enum_type[i], name, n) == 0 && enum_is_enum_class(I, cls) &&
            enum_refused(I, cls, enum_type[i]))
            return false;
    if (o->kind == SK_INSTANCE && typing_refused(I, obj, "an attribute of"))
        return false;
    SimId fill = cls ? sim_type_lookup(S, cls, "fill") : 0;
    bool slotted = (n == 8 && memcmp(name, "__dict__", 8) == 0) || (n == 11 && memcmp(name, "__weakref__", 11) == 0);
    if (cls && ((chainview_is_class(I, cls) && !slotted) || (fill && sim_kind(S, fill) == SK_BUILTIN &&
                                               bi_def(SIM_V(S, fill, SK_BUILTIN, builtin.index))->module == BM_TEXTWRAP)))
        /* Lib's classes have more (wordsep_re, _split, _from_iterable ...) than the model's; the
         * views are slotted all the way up (no __dict__, no __weakref__) */
        return py_not_modelled(I, 0, "'%s.%.*s' (a name of Lib's Python class the model does not have)",
                               o->kind == SK_TYPE ? "the class" : sim_type_name(S, obj), (int)n, name);
    const char *owner = "?";
    const CpyNameSet *also;
    const CpyNameSet *set = real_names(I, obj, &owner, &also);
    if (!set) /* a module or type whose names were not read: not known to be missing */
        return py_not_modelled(I, 0, "'%s.%.*s'", owner, (int)n, name);
    if (cpython_has(set, name, n, VER) || cpython_has(also, name, n, VER))
        return py_not_modelled(I, 0, "'%s.%.*s'", owner, (int)n, name);
    return true;
}

/* The special methods and attributes a class body may define: the ones the
 * model honours. Any other dunder would be silently ignored, so it is refused. */
static const char *const class_dunders[] = {
    "__module__", "__qualname__", "__doc__", "__init__", "__del__", "__repr__", "__str__", "__len__",
    "__bool__", "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__hash__",
    "__add__", "__radd__", "__iadd__", "__sub__", "__rsub__", "__isub__", "__mul__", "__rmul__",
    "__imul__", "__truediv__", "__rtruediv__", "__itruediv__", "__floordiv__", "__rfloordiv__",
    "__ifloordiv__", "__mod__", "__rmod__", "__imod__", "__pow__", "__rpow__", "__ipow__",
    "__lshift__", "__rlshift__", "__ilshift__", "__rshift__", "__rrshift__", "__irshift__",
    "__and__", "__rand__", "__iand__", "__or__", "__ror__", "__ior__", "__xor__", "__rxor__",
    "__ixor__", "__matmul__", "__rmatmul__", "__imatmul__", "__neg__", "__pos__", "__invert__", "__abs__", "__annotations__", "__classcell__",
    "__firstlineno__", "__static_attributes__", /* 3.13: the compiler stores them (compile_classbody.c) */
    "__getitem__", "__setitem__", "__delitem__", "__contains__", "__iter__", "__next__",
    "__enter__", "__exit__", "__slots__", "__call__", "__getattr__", "__getattribute__", "__setattr__",
    "__delattr__", "__format__", "__reversed__", "__get__", "__set__", "__delete__", "__set_name__",
    "__missing__", /* a plain method, which dict_subscript calls in a subclass of dict */
    "__match_args__", /* a tuple a class pattern reads (vm_match.c) */
    "__post_init__", /* a plain method: @dataclass's __init__ calls it (modules/dataclasses_methods.c) */ "__copy__", "__deepcopy__",
    "__init_subclass__", /* made a classmethod and called for each subclass (types/class.c) */
    "__await__", /* what `await obj` iterates (vm_coro.c) */
    "__class_getitem__", /* C[key] on the class (items.c), made a classmethod by type_new */
    "__round__", /* round() calls it (modules/builtins_round.c) */
    "__floor__", "__ceil__", "__trunc__", /* math.floor, ceil, trunc call them (modules/math_exact.c) */
    "__bytes__", /* bytes() calls it (types/bytes.c) */
    "__sizeof__", /* sys.getsizeof() calls it (modules/sys.c) */
};

const char *modelled_class_dunder(int i)
{
    return i >= 0 && (size_t)i < sizeof class_dunders / sizeof class_dunders[0] ? class_dunders[i] : NULL;
}

bool modelled_dunder_ok(PyRun *I, const char *s, size_t n)
{
    if (n < 5 || strncmp(s, "__", 2) != 0 || strncmp(s + n - 2, "__", 2) != 0)
        return true;
    if ((n == 9 && memcmp(s, "__index__", 9) == 0) || (n == 7 && memcmp(s, "__int__", 7) == 0) ||
        (n == 9 && memcmp(s, "__float__", 9) == 0)) { /* called where the model's built-ins take a number */
        I->index_seen = true;
        return true;
    }
    for (size_t i = 0; i < sizeof class_dunders / sizeof class_dunders[0]; i++)
        if (strlen(class_dunders[i]) == n && memcmp(class_dunders[i], s, n) == 0)
            return true;
    return py_not_modelled(I, 0, "'%.*s' in a class body", (int)n, s);
}

/* What a class body built on list or dict may define beyond plain methods
 * and attributes: the special methods the model calls where CPython does.
 * Any other (__len__, __getitem__, __iter__, __eq__ ...) would be bypassed
 * by the built-in's own code in the model, so it is refused. */
static const char *const builtin_sub_dunders[] = {
    "__module__", "__qualname__", "__doc__", "__init__", "__repr__", "__str__",
    "__missing__", /* dict_subscript calls it for a subclass */
    "__annotations__", "__classcell__",
    "__firstlineno__", "__static_attributes__", /* 3.13's compiler stores them (compile_classbody.c) */
};

const char *modelled_builtin_sub_dunder(int i)
{
    return i >= 0 && (size_t)i < sizeof builtin_sub_dunders / sizeof builtin_sub_dunders[0] ? builtin_sub_dunders[i]
                                                                                            : NULL;
}

/* what a subclass of tuple may define besides: tuple_new is its only
 * constructor (types/tuplesub.c calls a __new__), copy and pattern matching
 * read the other two */
static bool tuple_sub_dunder(const char *s, size_t n)
{
    return (n == 7 && memcmp(s, "__new__", 7) == 0) || (n == 14 && memcmp(s, "__getnewargs__", 14) == 0) ||
           (n == 14 && memcmp(s, "__match_args__", 14) == 0) ||
           (n == 11 && memcmp(s, "__replace__", 11) == 0) || /* 3.13's namedtuples: copy.replace */
           (n == 9 && memcmp(s, "__slots__", 9) == 0); /* empty: modelled_class_ok checks it */
}

/* what a metaclass (a subclass of type) may define: types/metaclass.c
 * calls these where type_call and slot_tp_call do */
static bool meta_dunder_ok(PyRun *I, const char *s, size_t n)
{
    static const char *const ok[] = {"__module__", "__qualname__", "__doc__", "__new__", "__init__", "__call__",
                                     "__annotations__", "__classcell__", "__firstlineno__",
                                     "__static_attributes__", "__slots__",
                                     /* on its classes (dunder.c, repr.c, builtins.c) */
                                     "__len__", "__bool__", "__iter__", "__contains__", "__getitem__",
                                     "__repr__", "__str__", "__instancecheck__", "__subclasscheck__"};
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
        if (strlen(ok[i]) == n && memcmp(ok[i], s, n) == 0)
            return true;
    return py_not_modelled(I, 0, "'%.*s' in a metaclass (a subclass of 'type'; the model calls its __new__, "
                                 "__init__, __call__, container methods, __repr__, __str__ and checks only)",
                           (int)n, s);
}

static bool meta_dunder_ok_any(PyRun *I, const char *s, size_t n)
{
    return n < 5 || strncmp(s, "__", 2) != 0 || strncmp(s + n - 2, "__", 2) != 0 || meta_dunder_ok(I, s, n);
}

static bool builtin_sub_dunder_ok(PyRun *I, const char *s, size_t n, SimKind layout)
{
    if (n < 5 || strncmp(s, "__", 2) != 0 || strncmp(s + n - 2, "__", 2) != 0)
        return true;
    if (layout == SK_TYPE)
        return meta_dunder_ok(I, s, n);
    if (layout == SK_TUPLE && tuple_sub_dunder(s, n))
        return true;
    if ((layout == SK_FLOAT || layout == SK_INT || layout == SK_STR || layout == SK_BYTES) && n == 7 && memcmp(s, "__new__", 7) == 0)
        return true; /* slot_tp_new, as for a tuple's subclass */
    if (layout == SK_INT && n == 9 && memcmp(s, "__index__", 9) == 0)
        return true; /* never called for an int's subclass: _PyNumber_Index takes PyLong_Check's value */
    static const char *const number_hooks[] = {"__index__", "__int__", "__float__", "__floor__", "__ceil__", "__trunc__"};
    for (size_t i = 0; (layout == SK_INT || layout == SK_FLOAT) && i < 6; i++)
        if (strlen(number_hooks[i]) == n && memcmp(number_hooks[i], s, n) == 0)
            return true; /* dunder.c: int() and float() call them (slot_nb_int, slot_nb_float), PyFloat_AsDouble
                          * an int's subclass's __float__, _PyNumber_Index a float's subclass's __index__;
                          * math.floor, ceil and trunc the other three */
    static const char *const data_slots[] = {
        "__len__", "__iter__", "__bool__", "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__hash__",
        "__add__", "__radd__", "__iadd__", "__sub__", "__rsub__", "__isub__", "__mul__", "__rmul__", "__imul__",
        "__truediv__", "__rtruediv__", "__itruediv__", "__floordiv__", "__rfloordiv__", "__ifloordiv__", "__mod__",
        "__rmod__", "__imod__", "__pow__", "__rpow__", "__ipow__", "__lshift__", "__rlshift__", "__ilshift__",
        "__rshift__", "__rrshift__", "__irshift__", "__and__", "__rand__", "__iand__", "__or__", "__ror__",
        "__ior__", "__xor__", "__rxor__", "__ixor__", "__matmul__", "__rmatmul__", "__imatmul__", "__neg__",
        "__pos__", "__invert__", "__abs__"};
    for (size_t i = 0; i < sizeof data_slots / sizeof data_slots[0]; i++)
        if (strlen(data_slots[i]) == n && memcmp(data_slots[i], s, n) == 0)
            return true; /* builtins.c, ops.c, iter.c and dunder.c call them (slot_sq_length, slot_tp_iter,
                          * slot_tp_richcompare, slot_tp_hash; subclass_dunders.c) */
    static const char *const item_slots[] = {"__getitem__", "__setitem__", "__delitem__", "__contains__"};
    for (size_t i = 0; i < 4; i++)
        if (strlen(item_slots[i]) == n && memcmp(item_slots[i], s, n) == 0)
            return true; /* items.c and ops.c call them (slot_mp_subscript ...; sq_contains) */
    static const char *const called[] = {"__format__", "__reversed__", "__getattr__", "__getattribute__",
                                         "__setattr__", "__delattr__", "__call__", "__enter__", "__exit__",
                                         "__next__", "__round__"};
    for (size_t i = 0; i < sizeof called / sizeof called[0]; i++)
        if (strlen(called[i]) == n && memcmp(called[i], s, n) == 0)
            return true; /* PyObject_Format (repr.c), reversed_new (iter_lazy.c), the attribute hooks (attrs.c),
                          * slot_tp_call (vm.c), with (vm_with.c), slot_tp_iternext (iter.c), round() */
    for (size_t i = 0; i < sizeof builtin_sub_dunders / sizeof builtin_sub_dunders[0]; i++)
        if (strlen(builtin_sub_dunders[i]) == n && memcmp(builtin_sub_dunders[i], s, n) == 0)
            return true;
    return py_not_modelled(I, 0, "'%.*s' in a subclass of '%s' (the model's %s code would not call it)", (int)n, s,
                           sim_kind_name(layout), sim_kind_name(layout));
}

/* the special methods the model calls only as a program's functions
 * (dunder.c's user_method): any other value there is refused */
static bool called_as_function(const char *s, size_t n)
{
    static const char *const names[] = {"__call__", "__enter__", "__exit__", "__next__", "__round__",
                                        "__index__", "__int__", "__float__", "__iter__", "__len__",
                                        "__contains__", "__getitem__", "__setitem__", "__delitem__",
                                        "__bool__", "__reversed__"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strlen(names[i]) == n && memcmp(names[i], s, n) == 0)
            return true;
    return false;
}

/* a built-in type CPython does not let a class derive from (bool,
 * NoneType, range, function ...): the kind's own type object */
static bool no_basetype(PyRun *I, SimId b, SimKind sub)
{
    static const SimKind closed[] = {SK_NONE, SK_BOOL, SK_RANGE, SK_FUNC, SK_METHOD, SK_BUILTIN,
                                     SK_CELL, SK_NOTIMPL, SK_ELLIPSIS, SK_TRACEBACK, SK_FRAME};
    for (size_t i = 0; i < sizeof closed / sizeof closed[0]; i++)
        if (sub == closed[i])
            return b == S->types[sub];
    return false;
}

bool modelled_class_ok(PyRun *I, SimId ns, SimId bases)
{
    uint32_t nb = sim_obj(S, bases)->len;
    bool exc_base = false;
    SimKind layout = 0;
    for (uint32_t i = 0; i < nb; i++) {
        SimId b = sim_items(S, bases)[i];
        SimKind sub = (SimKind)sim_obj(S, b)->sub;
        if (sub == SK_LIST || sub == SK_DICT || sub == SK_TUPLE || sub == SK_FLOAT || sub == SK_INT ||
            sub == SK_STR || sub == SK_BYTES || b == S->types[SK_SET] || b == S->xtypes[SIM_XT_FROZENSET] ||
            b == S->type_type) { /* types/subinst.c, types/tuplesub.c, types/metaclass.c */
            layout = b == S->xtypes[SIM_XT_FROZENSET] ? SK_SET : sub;
            continue;
        }
        if (no_basetype(I, b, sub)) { /* best_base: no Py_TPFLAGS_BASETYPE */
            py_raise(I, EXC_TypeError, "type '%s' is not an acceptable base type", sim_kind_name(sub));
            return false;
        }
        if (sub != SK_INSTANCE && sub != SK_OBJECT) { /* a composite's type: its own name (string.Template) */
            const char *tn = sub == SK_ITER ? sim_type_obj_name(S, b) : NULL;
            if (tn)
                return py_not_modelled(I, 0, "subclassing '%s' (the model keeps its instances as records)", tn);
            return py_not_modelled(I, 0, "subclassing the built-in type '%s'", sim_kind_name(sub));
        }
        if (sub == SK_INSTANCE && !(sim_type_word(S, b, SIM_TY_FLAGS) & SIM_TYF_HEAP))
            exc_base = true; /* an exception class: the model keeps its own layout */
        if (b == I->version_info_type) { /* no Py_TPFLAGS_BASETYPE */
            py_raise(I, EXC_TypeError, "type 'sys.version_info' is not an acceptable base type");
            return false;
        }
        if (sub == SK_INSTANCE && sim_type_word(S, b, SIM_TY_KIND) && (sim_type_word(S, b, SIM_TY_FLAGS) & SIM_TYF_NATIVE) &&
            !(sim_type_word(S, b, SIM_TY_FLAGS) & SIM_TYF_ODICT))
            return py_not_modelled(I, 0, "subclassing collections.defaultdict");
        if (datetime_subclass_refused(I, b))
            return false;
        if (b == I->counter_type) /* its methods are the model's built-ins, bound to Counter's own layout */
            return py_not_modelled(I, 0, "subclassing collections.Counter");
        if (sub == SK_INSTANCE && sim_type_word(S, b, SIM_TY_KIND))
            layout = (SimKind)sim_type_word(S, b, SIM_TY_KIND);
    }
    if (layout && exc_base)
        return py_not_modelled(I, 0, "a class built on both an exception and '%s'", sim_kind_name(layout));
    SimId slots = layout ? sim_dict_get_str(S, ns, "__slots__") : 0;
    bool no_slots = slots && (sim_kind(S, slots) == SK_TUPLE || sim_kind(S, slots) == SK_LIST) &&
                    sim_obj(S, slots)->len == 0; /* `__slots__ = ()`: no __dict__ (a namedtuple's) */
    if (slots && layout == SK_TYPE && !no_slots) {
        py_raise(I, EXC_TypeError, "nonempty __slots__ not supported for subtype of 'type'");
        return false;
    }
    if (slots && !((layout == SK_TUPLE || layout == SK_TYPE) && no_slots))
        return py_not_modelled(I, 0, "__slots__ in a subclass of '%s'", sim_kind_name(layout));
    if (layout) {
        for (uint32_t i = 0; i < nb; i++) { /* a mixin's own special methods would be bypassed as well */
            SimId b = sim_items(S, bases)[i];
            SimId mro = sim_obj(S, b)->sub == SK_INSTANCE ? sim_type_word(S, b, SIM_TY_MRO) : 0;
            for (uint32_t j = 0; mro && j < sim_obj(S, mro)->len; j++) {
                SimId c = sim_items(S, mro)[j];
                if (sim_obj(S, c)->sub != SK_INSTANCE || !SIM_V(S, c, SK_TYPE, type.dict) ||
                    (sim_type_word(S, c, SIM_TY_FLAGS) & SIM_TYF_NATIVE)) /* OrderedDict's own methods */
                    continue;
                if (sim_type_word(S, c, SIM_TY_SLOTS) && sim_obj(S, sim_type_word(S, c, SIM_TY_SLOTS))->len)
                    return py_not_modelled(I, 0, "__slots__ in a base of a subclass of '%s'", sim_kind_name(layout));
                uint32_t pos = 0;
                SimId k, v;
                while (sim_dict_next(S, SIM_V(S, c, SK_TYPE, type.dict), &pos, &k, &v)) {
                    size_t n;
                    const char *s = sim_str_data(S, k, &n);
                    if (!sim_str_equals(S, k, "__dict__") && !sim_str_equals(S, k, "__weakref__") &&
                        !builtin_sub_dunder_ok(I, s, n, layout))
                        return false;
                }
            }
        }
    }
    if (exc_base && nb > 1)
        return py_not_modelled(I, 0, "an exception class with several bases (multiple inheritance)");
    if (exc_base && sim_dict_get_str(S, ns, "__slots__"))
        return py_not_modelled(I, 0, "__slots__ in a subclass of an exception");
    uint32_t pos = 0;
    SimId k, v;
    while (sim_dict_next(S, ns, &pos, &k, &v)) {
        size_t n;
        const char *s = sim_str_data(S, k, &n);
        if (layout == SK_TUPLE && tuple_sub_dunder(s, n))
            continue;
        if ((layout == SK_FLOAT || layout == SK_INT || layout == SK_STR || layout == SK_BYTES) && n == 7 && memcmp(s, "__new__", 7) == 0)
            continue; /* types/scalarsub.c */
        if (layout == SK_INT && n == 9 && memcmp(s, "__index__", 9) == 0)
            continue; /* builtin_sub_dunder_ok */
        if (layout == SK_TYPE) {
            if (!meta_dunder_ok_any(I, s, n))
                return false;
            continue;
        }
        if (!modelled_dunder_ok(I, s, n) || (layout && !builtin_sub_dunder_ok(I, s, n, layout)))
            return false;
        bool blocked = v == S->none && ((n == 8 && memcmp(s, "__iter__", 8) == 0) ||
                                        (n == 12 && memcmp(s, "__reversed__", 12) == 0)); /* not iterable */
        if (sim_kind(S, v) != SK_FUNC && !blocked && called_as_function(s, n)) /* `__call__ = list.append` */
            return py_not_modelled(I, 0, "'%.*s' in a class body that is not a plain function (a built-in's method, "
                                         "a callable object)", (int)n, s);
    }
    return true;
}
