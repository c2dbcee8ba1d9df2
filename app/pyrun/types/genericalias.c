/*
 * genericalias: types.GenericAlias, what `list[int]`, `dict[str, int]` or
 * `tuple[int, ...]` make (Objects/genericaliasobject.c): a tracked object
 * of 80 bytes holding the origin class and the tuple of its arguments
 * (the subscript's own tuple, or a new 1-tuple of a single argument).
 * Learners meet it in annotations and hints: its repr (ga_repr), its
 * __origin__ and __args__, its equality and hash (origin and arguments),
 * the TypeError of isinstance() against it; its other attributes are the
 * origin's (ga_getattro). Calling it, __parameters__ and TypeVars are
 * refused.
 */
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/types/native.h"
#include "pyrun/types/types.h"

#define S (I->sim)
#define REFS(o) sim_iter_refs(S, o)

enum { GA_ORIGIN, GA_ARGS, GA_NREFS };

bool galias_is(PyRun *I, SimId v) { return sim_kind(S, v) == SK_ITER && sim_xtype_of(S, v) == SIM_XT_GENERIC_ALIAS; }

/* Does CPython's class have __class_getitem__ making a GenericAlias?
 * The built-in containers' types and the program's subclasses of them. */
bool galias_origin_ok(PyRun *I, SimId cls)
{
    if (sim_kind(S, cls) != SK_TYPE)
        return false;
    if (cls == S->xtypes[SIM_XT_ENUMERATE]) /* enumerate's __class_getitem__ */
        return true;
    SimKind of = (SimKind)sim_obj(S, cls)->sub;
    if (of == SK_INSTANCE)
        of = (SimKind)sim_type_word(S, cls, SIM_TY_KIND);
    return of == SK_LIST || of == SK_TUPLE || of == SK_DICT || of == SK_SET || of == SK_TYPE || of == SK_DEQUE;
}

SimId galias_new(PyRun *I, SimId origin, SimId key)
{
    /* PyObject_GetItem on a type: __class_getitem__ read on it, a
     * classmethod's built-in method bound to the class, alive for the call */
    sim_incref(S, origin);
    SimId bound = sim_builtin(S, 0, origin);
    SimId ga = iter_composite(I, SIM_XT_GENERIC_ALIAS, GA_NREFS, 0, 0, true); /* PyType_GenericAlloc */
    if (!ga) {
        sim_decref(S, bound);
        return 0;
    }
    SimId args = key;
    if (sim_kind(S, key) == SK_TUPLE && !sim_is_subinst(S, key)) { /* setup_ga: the tuple itself */
        sim_incref(S, key);
    } else { /* PyTuple_Pack(1, key) */
        args = sim_tuple(S, 1);
        sim_incref(S, key);
        sim_tuple_set(S, args, 0, key);
    }
    sim_incref(S, origin);
    REFS(ga)[GA_ORIGIN] = origin;
    REFS(ga)[GA_ARGS] = args;
    sim_decref(S, bound);
    return ga;
}

/* ---- repr ------------------------------------------------------------------------ */

/* a str's text into out */
static void add_str(PyRun *I, SimId s, Buf *out)
{
    size_t n;
    const char *d = sim_str_data(S, s, &n);
    buf_printf(out, "%.*s", (int)n, d);
}

/* module.qualname, or qualname alone for a builtin (ga_repr_item) */
static void add_qualified(PyRun *I, SimId module, SimId qualname, Buf *out)
{
    if (module && sim_kind(S, module) == SK_STR && !sim_str_equals(S, module, "builtins")) {
        add_str(I, module, out);
        buf_addc(out, '.');
    }
    add_str(I, qualname, out);
}

static bool repr_item(PyRun *I, SimId a, Buf *out);

/* 3.12+'s ga_repr_items_list: a list argument (Callable's) item by item */
static bool repr_list(PyRun *I, SimId l, Buf *out)
{
    buf_addc(out, '[');
    for (uint32_t i = 0; i < sim_obj(S, l)->len; i++) {
        if (i)
            buf_adds(out, ", ");
        if (!repr_item(I, sim_items(S, l)[i], out))
            return false;
    }
    buf_addc(out, ']');
    return true;
}

static bool repr_item(PyRun *I, SimId a, Buf *out)
{
    SimKind k = sim_kind(S, a);
    if (k == SK_ELLIPSIS) {
        buf_adds(out, "...");
        return true;
    }
    if (galias_is(I, a))
        return galias_repr(I, a, out);
    if (typing_is_alias(I, a)) /* it has __origin__ and __args__: its repr */
        return op_repr(I, a, out);
    if (k == SK_TYPE && sim_obj(S, a)->sub != SK_INSTANCE) { /* a built-in type: builtins', or its dotted tp_name */
        buf_adds(out, sim_type_obj_name(S, a));
        return true;
    }
    if (k == SK_TYPE) {
        SimId mod = sim_dict_get_str(S, SIM_V(S, a, SK_TYPE, type.dict), "__module__");
        SimId qn = sim_type_word(S, a, SIM_TY_QUALNAME);
        add_qualified(I, mod, qn ? qn : sim_items(S, a)[SIM_TY_NAME], out);
        return true;
    }
    if (k == SK_FUNC) {
        add_qualified(I, sim_items(S, a)[SIM_FN_MODULE], sim_items(S, a)[SIM_FN_NAME], out);
        return true;
    }
    if (k == SK_LIST && S->prof->version >= SIM_V312)
        return repr_list(I, a, out);
    if (k == SK_BUILTIN || k == SK_METHOD || k == SK_MODULE || sim_is_native(S, a) || k == SK_INSTANCE)
        return py_not_modelled(I, 0, "the repr of a generic alias of a %s", op_typename(I, a));
    return op_repr(I, a, out);
}

bool galias_repr(PyRun *I, SimId ga, Buf *out)
{
    if (!repr_item(I, REFS(ga)[GA_ORIGIN], out))
        return false;
    SimId args = REFS(ga)[GA_ARGS];
    uint32_t n = sim_obj(S, args)->len;
    buf_addc(out, '[');
    if (n == 0)
        buf_adds(out, "()"); /* tuple[()] */
    for (uint32_t i = 0; i < n; i++) {
        if (i)
            buf_adds(out, ", ");
        if (!repr_item(I, sim_items(S, args)[i], out))
            return false;
    }
    buf_addc(out, ']');
    return true;
}

/* ---- what else a program asks of it --------------------------------------------- */

SimId galias_attr(PyRun *I, SimId ga, const char *name, bool *found)
{
    *found = true;
    if (strcmp(name, "__origin__") == 0 || strcmp(name, "__args__") == 0) {
        SimId v = REFS(ga)[strcmp(name, "__origin__") == 0 ? GA_ORIGIN : GA_ARGS];
        sim_incref(S, v);
        return v;
    }
    if (strcmp(name, "__unpacked__") == 0)
        return sim_bool(S, false);
    if (strcmp(name, "__class__") == 0) {
        *found = false;
        return 0;
    }
    static const char *const own[] = {"__parameters__", "__typing_unpacked_tuple_args__", "__mro_entries__",
                                      "__reduce__", "__reduce_ex__", "__copy__", "__deepcopy__",
                                      "__instancecheck__", "__subclasscheck__", "__or__", "__ror__",
                                      "__getitem__", "__call__", "__dir__", "__setattr__", "__delattr__",
                                      "__getattribute__", "__eq__", "__ne__", "__hash__", "__repr__"};
    for (size_t i = 0; i < sizeof own / sizeof own[0]; i++)
        if (strcmp(name, own[i]) == 0)
            return py_not_modelled(I, 0, "'types.GenericAlias.%s'", name), (SimId)0;
    SimId key = sim_str_intern(S, name, strlen(name)); /* ga_getattro: the origin's */
    SimId r = attr_get(I, REFS(ga)[GA_ORIGIN], key);
    sim_decref(S, key);
    return r;
}

/* ga_richcompare's ==: the same origin and equal arguments; -1 raised */
int galias_equal(PyRun *I, SimId a, SimId b)
{
    if (!galias_is(I, a) || !galias_is(I, b))
        return 0;
    int eq = op_equal(I, REFS(a)[GA_ORIGIN], REFS(b)[GA_ORIGIN]);
    return eq != 1 ? eq : op_equal(I, REFS(a)[GA_ARGS], REFS(b)[GA_ARGS]);
}

/* ga_hash: the origin's hash ^ the arguments' */
bool galias_hash(PyRun *I, SimId ga, int64_t *out)
{
    int64_t h0, h1;
    if (!builtin_hash_of(I, REFS(ga)[GA_ORIGIN], &h0) || !builtin_hash_of(I, REFS(ga)[GA_ARGS], &h1))
        return false;
    *out = h0 ^ h1;
    if (*out == -1)
        *out = -2;
    return true;
}

bool galias_check_raised(PyRun *I, SimId t, const char *fn)
{
    if (!galias_is(I, t))
        return false;
    sim_incref(S, t); /* _PyObject_LookupSpecial: ga_instancecheck bound, then called */
    SimId bound = sim_builtin(S, 0, t);
    py_raise_sure(I, EXC_TypeError, "%s() argument 2 cannot be a parameterized generic", fn);
    sim_decref(S, bound);
    return true;
}

/* ga_vectorcall: the origin called, then __orig_class__ set on what it made
 * (set_orig_class: an AttributeError or TypeError there cleared) */
SimId galias_call(PyRun *I, SimId ga, SimId *args, int nargs, SimId kwnames)
{
    SimId origin = REFS(ga)[GA_ORIGIN];
    if (sim_obj(S, origin)->sub == SK_INSTANCE) /* a heap type: no vectorcall, and an instance with a __dict__ */
        return py_not_modelled(I, 0, "calling a generic alias of a class of the program"), (SimId)0;
    SimId r = vm_call_kw(I, origin, args, nargs, kwnames);
    if (!r)
        return 0;
    SimId key = sim_str_static(S, "__orig_class__", 14); /* &_Py_ID(__orig_class__) */
    bool ok = attr_set(I, r, key, ga);
    sim_decref(S, key);
    if (!ok && (I->refused || !(py_err_matches(I, EXC_AttributeError) || py_err_matches(I, EXC_TypeError)))) {
        sim_decref(S, r);
        return 0;
    }
    if (!ok)
        py_err_clear(I);
    return r;
}
