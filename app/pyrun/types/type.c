/*
 * type: calling a built-in type constructs an instance through its
 * type's constructor; object(), type(x) and bool() live here.
 */
#include <stdio.h>
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/modules/collections.h"
#include "pyrun/types/native.h"
#include "pyrun/types/types.h"

#define S (I->sim)

/* The keywords CPython's constructors take: refused (the model does not
 * handle them), and any other keyword is CPython's TypeError. */
static bool check_keywords(PyRun *I, int kind, SimId kw)
{
    const char *name = sim_kind_name((SimKind)kind);
    const char *known = kind == SK_INT ? " base " : kind == SK_COMPLEX ? " real imag " : kind == SK_STR ? " object encoding errors "
                        : kind == SK_BYTES || kind == SK_BYTEARRAY ? " source encoding errors " : NULL;
    for (uint32_t i = 0; i < sim_obj(S, kw)->len; i++) {
        size_t n;
        const char *w = sim_str_data(S, sim_items(S, kw)[i], &n);
        char word[64];
        snprintf(word, sizeof word, " %.*s ", (int)n, w);
        if ((kind == SK_INT && strcmp(word, " base ") == 0) ||
            (kind == SK_COMPLEX && (strcmp(word, " real ") == 0 || strcmp(word, " imag ") == 0)))
            continue; /* int_construct, complex_construct read them */
        if (known && strstr(known, word))
            return py_not_modelled(I, 0, "the keyword argument '%.*s' of %s()", (int)n, w, name);
        if (kind == SK_OBJECT)
            py_raise(I, EXC_TypeError, "object() takes no arguments");
        else if (kind == SK_NONE || kind == SK_NOTIMPL || kind == SK_ELLIPSIS) /* none_new ... */
            py_raise(I, EXC_TypeError, "%s takes no arguments", kind == SK_ELLIPSIS ? "EllipsisType" : name);
        else if (kind == SK_TYPE)
            py_raise(I, EXC_TypeError, "type() takes 1 or 3 arguments");
        else if (!known)
            py_raise(I, EXC_TypeError, "%s() takes no keyword arguments", name);
        else if (S->prof->version <= SIM_V312)
            py_raise(I, EXC_TypeError, "'%.*s' is an invalid keyword argument for %s()", (int)n, w, name);
        else
            py_raise(I, EXC_TypeError, "%s() got an unexpected keyword argument '%.*s'", name, (int)n, w);
        return false;
    }
    return true;
}

/* Is cls one of the standard modules' classes that CPython makes with
 * ABCMeta (they derive from collections.abc's ABCs)?  Their type() is
 * refused (true), as the model makes them with type. */
static bool abcmeta_module_class(PyRun *I, SimId cls)
{
    static const char *const names[] = {"collections.ChainMap", "collections.UserDict", "collections.UserList",
                                        "collections.UserString", "fractions.Fraction", "weakref.WeakKeyDictionary",
                                        "weakref.WeakValueDictionary", "contextlib."};
    if (sim_kind(S, cls) != SK_TYPE)
        return false;
    char full[160];
    if (sim_obj(S, cls)->sub == SK_INSTANCE) { /* __module__.__qualname__ */
        SimId mod = sim_dict_get_str(S, SIM_V(S, cls, SK_TYPE, type.dict), "__module__");
        SimId qn = sim_type_word(S, cls, SIM_TY_QUALNAME);
        if (!mod || sim_kind(S, mod) != SK_STR)
            return false;
        size_t mn, n;
        const char *m = sim_str_data(S, mod, &mn), *nm = sim_str_data(S, qn ? qn : sim_items(S, cls)[SIM_TY_NAME], &n);
        snprintf(full, sizeof full, "%.*s.%.*s", (int)mn, m, (int)n, nm);
    } else {
        snprintf(full, sizeof full, "%s", sim_type_obj_name(S, cls));
    }
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        size_t k = strlen(names[i]);
        if (names[i][k - 1] == '.' ? strncmp(full, names[i], k) == 0 : strcmp(full, names[i]) == 0)
            return !py_not_modelled(I, 0, "the type of %s (ABCMeta in CPython)", full);
    }
    return false;
}

/* type(v) and v.__class__: a new reference, or 0 with the refusal raised
 * for what the model cannot name */
SimId type_of_object(PyRun *I, SimId v)
{
    if (sim_kind(S, v) == SK_BUILTIN && !SIM_V(S, v, SK_BUILTIN, builtin.self) &&
        bi_def(SIM_V(S, v, SK_BUILTIN, builtin.index))->owner) /* str.lower: method_descriptor */
        return py_not_modelled(I, 0, bi_slot_wrapper(bi_def(SIM_V(S, v, SK_BUILTIN, builtin.index)))
                                         ? "the type of a slot wrapper (wrapper_descriptor)"
                                         : "the type of a method descriptor (method_descriptor)"), (SimId)0;
    const char *what = native_python_what(I, v);
    if (what)
        return py_not_modelled(I, 0, "the type of %s (%s in CPython)",
                               pyrun_builtin_name(SIM_V(S, v, SK_BUILTIN, builtin.index)), what), (SimId)0;
    if (abcmeta_module_class(I, v) || abc_refused(I, v, "type()") || typing_refused(I, v, "type() of") ||
        (enum_is_enum_class(I, v) && enum_refused(I, v, "type()")))
        return 0;
    SimId t = sim_type_of(S, v);
    SimXType xt = sim_xtype_of(S, v);
    if (xt == SIM_XT_ENUM_GEN || (xt >= SIM_XT_WR_GEN && xt <= SIM_XT_CM_GEN_VALUES))
        t = S->types[SK_GEN]; /* Lib's generators the model runs natively: CPython's generator type */
    sim_incref(S, t);
    return t;
}

SimId type_construct(PyRun *I, int kind, SimId *a, int n, SimId kw)
{
    if (kind == SK_PROPERTY || kind == SK_CLASSMETHOD || kind == SK_STATICMETHOD)
        return descr_construct(I, kind, a, n, kw);
    int np = bi_npos(I, n, kw);
    if (kind == SK_DEQUE)
        return deque_construct(I, a, n, kw);
    if (kind == SK_ARRAY)
        return array_construct(I, a, n, kw);
    if (kind == SK_STRINGIO)
        return stringio_construct(I, a, n, kw);
    if (kw && kind != SK_DICT && kind != SK_WEAKREF && !check_keywords(I, kind, kw))
        return 0;
    switch ((SimKind)kind) {
    case SK_INT: return int_construct(I, a, n, kw);
    case SK_FLOAT: return float_construct(I, a, n, kw);
    case SK_COMPLEX: return complex_construct(I, a, n, kw);
    case SK_STR: return str_construct(I, a, n, kw);
    case SK_BOOL:
        if (!bi_nargs(I, "bool", np, 0, 1))
            return 0;
        return sim_bool(S, np && op_truth(I, a[0]) == 1);
    case SK_BYTES: case SK_BYTEARRAY: return bytes_construct(I, kind, a, n, kw);
    case SK_LIST: return list_construct(I, a, n, kw);
    case SK_TUPLE: return tuple_construct(I, a, n, kw);
    case SK_DICT: return dict_construct(I, a, n, kw);
    case SK_SET: return set_construct(I, a, n, kw);
    case SK_WEAKREF: return weakref_construct(I, a, n, kw);
    case SK_SUPER: /* super().name and super(C, obj).name compile to their own instruction */
        return py_not_modelled(I, 0, "a super object used other than as super().name"), 0;
    case SK_OBJECT:
        if (np) {
            py_raise(I, EXC_TypeError, "object() takes no arguments");
            return 0;
        }
        return sim_object(S);
    case SK_TYPE: {
        if (np == 3) /* type(name, bases, dict): a class, as a class statement makes it */
            return class_from_type_call(I, a[0], a[1], a[2]);
        if (np != 1) {
            py_raise(I, EXC_TypeError, "type() takes 1 or 3 arguments");
            return 0;
        }
        return type_of_object(I, a[0]);
    }
    case SK_RANGE: return range_construct(I, a, n, kw);
    case SK_NONE: case SK_NOTIMPL: case SK_ELLIPSIS: { /* none_new, notimplemented_new, ellipsis_new */
        if (n > 0 || (kw && sim_obj(S, kw)->len)) {
            py_raise(I, EXC_TypeError, "%s takes no arguments",
                     kind == SK_ELLIPSIS ? "EllipsisType" : sim_kind_name((SimKind)kind));
            return 0;
        }
        SimId single = kind == SK_NONE ? S->none : kind == SK_NOTIMPL ? S->notimpl : S->ellipsis;
        sim_incref(S, single);
        return single;
    }
    default:
        py_raise(I, EXC_TypeError, "cannot create '%s' instances", sim_kind_name((SimKind)kind));
        return 0;
    }
}
