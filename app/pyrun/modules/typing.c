/*
 * typing: the names learners put in annotations (List, Dict, Optional,
 * Union, Any, Tuple, Callable ...), as objects whose repr, identity and
 * equality are CPython's (3.11-3.13 print them alike): List is
 * typing.List, List[int] typing.List[int], Optional[X] is Union[X, None]
 * (typing.Optional[X]), Union flattens, drops repeats and gives its one
 * argument back, a str argument becomes ForwardRef('X'), and a
 * subscription made twice is the same object (typing's lru cache).
 *
 * They are made for annotations only: anything else asked of them (their
 * type, size, attributes other than __args__, calling them, isinstance
 * against them) is refused.  The import is CPython's costly one, and each
 * subscription runs typing's Python code (the cache, _GenericAlias), so the
 * young count is refused after one until a gc.collect().
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "pyrun/builtins.h"
#include "pyrun/modules/std_import.h"
#include "pyrun/types/types.h"

#define S (I->sim)

/* the annotation names and the repr of the bare name */
static const char *const plain_names[] = {
    "List", "Dict", "Set", "FrozenSet", "Tuple", "Type", "Iterable", "Iterator", "Sequence", "Mapping",
    "MutableMapping", "MutableSequence", "Generator", "Callable", "Deque", "DefaultDict", "Counter",
    "OrderedDict", "Optional", "Union", "Any", "ClassVar", "Final",
};
enum { N_PLAIN = sizeof plain_names / sizeof plain_names[0] };

static SimId module_attr(PyRun *I, const char *name)
{
    SimId m = module_find_loaded(I, "typing");
    return m ? sim_dict_get_str(S, SIM_V(S, m, SK_MODULE, module.dict), name) : 0;
}

static SimId alias_class(PyRun *I) { return module_attr(I, "_GenericAlias"); }

bool typing_is_alias(PyRun *I, SimId v)
{
    if (sim_kind(S, v) != SK_INSTANCE)
        return false;
    SimId t = sim_obj(S, v)->type;
    return t && (sim_type_word(S, t, SIM_TY_FLAGS) & SIM_TYF_TYPING);
}

static SimId attr(PyRun *I, SimId v, const char *name) { return sim_attr_get_str(S, v, name); }

static void set_attr(PyRun *I, SimId inst, const char *name, SimId v) /* steals v */
{
    SimId k = sim_str_intern(S, name, strlen(name));
    sim_attr_set(S, inst, k, v);
    sim_decref(S, k);
}

static bool name_is(PyRun *I, SimId v, const char *name)
{
    SimId n = attr(I, v, "_name");
    return n && sim_str_equals(S, n, name);
}

/* ---- repr ------------------------------------------------------------------------- */

/* typing._type_repr */
static bool arg_repr(PyRun *I, SimId a, Buf *out)
{
    SimKind k = sim_kind(S, a);
    if (k == SK_ELLIPSIS) {
        buf_adds(out, "...");
        return true;
    }
    if (k == SK_TYPE) {
        if (a == S->types[SK_NONE]) {
            buf_adds(out, "NoneType");
            return true;
        }
        if (sim_obj(S, a)->sub != SK_INSTANCE) { /* a built-in type: its qualname */
            buf_adds(out, sim_type_obj_name(S, a));
            return true;
        }
        SimId mod = sim_dict_get_str(S, SIM_V(S, a, SK_TYPE, type.dict), "__module__");
        SimId qn = sim_type_word(S, a, SIM_TY_QUALNAME);
        size_t mn = 8, n;
        const char *m = mod && sim_kind(S, mod) == SK_STR ? sim_str_data(S, mod, &mn) : "__main__";
        const char *q = sim_str_data(S, qn ? qn : sim_items(S, a)[SIM_TY_NAME], &n);
        if (mn == 8 && !memcmp(m, "builtins", 8))
            buf_printf(out, "%.*s", (int)n, q);
        else
            buf_printf(out, "%.*s.%.*s", (int)mn, m, (int)n, q);
        return true;
    }
    if (k == SK_LIST) { /* Callable's argument list */
        buf_addc(out, '[');
        for (uint32_t i = 0; i < sim_obj(S, a)->len; i++) {
            if (i)
                buf_adds(out, ", ");
            if (!arg_repr(I, sim_items(S, a)[i], out))
                return false;
        }
        buf_addc(out, ']');
        return true;
    }
    return op_repr(I, a, out);
}

bool typing_repr(PyRun *I, SimId v, Buf *out)
{
    SimId fwd = attr(I, v, "__forward_arg__");
    if (fwd) {
        buf_adds(out, "ForwardRef(");
        bool ok = op_repr(I, fwd, out);
        buf_addc(out, ')');
        return ok;
    }
    SimId name = attr(I, v, "_name"), args = attr(I, v, "__args__");
    size_t n;
    const char *nm = name ? sim_str_data(S, name, &n) : "?";
    if (!name)
        n = 1;
    if (!args) {
        buf_printf(out, "typing.%.*s", (int)n, nm);
        return true;
    }
    uint32_t na = sim_obj(S, args)->len;
    SimId *it = sim_items(S, args);
    if (name_is(I, v, "Union") && na == 2 && (it[0] == S->types[SK_NONE] || it[1] == S->types[SK_NONE])) {
        buf_adds(out, "typing.Optional[");
        bool ok = arg_repr(I, it[0] == S->types[SK_NONE] ? it[1] : it[0], out);
        buf_addc(out, ']');
        return ok;
    }
    buf_printf(out, "typing.%.*s[", (int)n, nm);
    if (na == 0)
        buf_adds(out, "()");
    for (uint32_t i = 0; i < na; i++) {
        if (i)
            buf_adds(out, ", ");
        if (!arg_repr(I, it[i], out))
            return false;
    }
    buf_addc(out, ']');
    return true;
}

/* ---- subscription ------------------------------------------------------------------- */

static SimId new_obj_of(PyRun *I, SimId cls, const char *name, SimId args) /* steals args */
{
    SimId o = sim_instance(S, cls);
    set_attr(I, o, "_name", sim_str_intern(S, name, strlen(name)));
    if (args)
        set_attr(I, o, "__args__", args);
    return o;
}

static SimId new_obj(PyRun *I, const char *name, SimId args) { return new_obj_of(I, alias_class(I), name, args); }

/* an argument as typing keeps it: None as NoneType, a str as a ForwardRef */
static SimId convert(PyRun *I, SimId a)
{
    if (a == S->none) {
        sim_incref(S, S->types[SK_NONE]);
        return S->types[SK_NONE];
    }
    if (sim_kind(S, a) == SK_STR) {
        SimId f = sim_instance(S, alias_class(I));
        sim_incref(S, a);
        set_attr(I, f, "__forward_arg__", a);
        return f;
    }
    SimKind k = sim_kind(S, a);
    if (k != SK_TYPE && k != SK_ELLIPSIS && !typing_is_alias(I, a) && k != SK_LIST)
        return py_not_modelled(I, 0, "a typing subscription with an argument that is not a class"), (SimId)0;
    sim_incref(S, a);
    return a;
}

/* typing's cache: the same subscription gives the same object */
static SimId cached(PyRun *I, const char *name, SimId args) /* steals args; a new reference */
{
    SimId cache = sim_dict_get_str(S, SIM_V(S, alias_class(I), SK_TYPE, type.dict), "_cache");
    SimId key = sim_tuple(S, 2);
    sim_tuple_set(S, key, 0, sim_str_intern(S, name, strlen(name)));
    sim_incref(S, args);
    sim_tuple_set(S, key, 1, args);
    bool hashable = sim_hashable(S, key);
    SimId hit = cache && hashable ? sim_dict_get(S, cache, key) : 0;
    if (hit) {
        sim_decref(S, key);
        sim_decref(S, args);
        sim_incref(S, hit);
        return hit;
    }
    SimId o = new_obj(I, name, args);
    if (cache && hashable) {
        sim_incref(S, o);
        sim_dict_set(S, cache, key, o);
    } else {
        sim_decref(S, key);
    }
    return o;
}

static bool push_union(PyRun *I, SimId list, SimId a)
{
    if (typing_is_alias(I, a) && name_is(I, a, "Union") && attr(I, a, "__args__")) { /* flattened */
        SimId inner = attr(I, a, "__args__");
        for (uint32_t i = 0; i < sim_obj(S, inner)->len; i++)
            if (!push_union(I, list, sim_items(S, inner)[i]))
                return false;
        return true;
    }
    SimId c = convert(I, a);
    if (!c)
        return false;
    for (uint32_t i = 0; i < sim_obj(S, list)->len; i++)
        if (sim_items(S, list)[i] == c) { /* a repeat */
            sim_decref(S, c);
            return true;
        }
    sim_list_append(S, list, c);
    return true;
}

static SimId subscript(PyRun *I, const char *name, bool tuple, const SimId *items, uint32_t n);

SimId typing_getitem(PyRun *I, SimId v, SimId key)
{
    if (!I->gc_count_unsure)
        I->count_unsure_what = "a typing subscription (typing's cache and _GenericAlias)";
    I->gc_count_unsure = true;
    SimId nm = attr(I, v, "_name");
    if (!nm || attr(I, v, "__args__") || attr(I, v, "__forward_arg__"))
        return py_not_modelled(I, 0, "subscribing a subscripted typing alias (type variables)"), (SimId)0;
    char name[48]; /* copies: the objects made below may move the payloads */
    snprintf(name, sizeof name, "%s", sim_str_data(S, nm, &(size_t){0}));
    bool tuple = sim_kind(S, key) == SK_TUPLE;
    uint32_t n = tuple ? sim_obj(S, key)->len : 1;
    SimId *items = xmalloc((n ? n : 1) * sizeof *items);
    memcpy(items, tuple ? sim_items(S, key) : &key, n * sizeof *items);
    SimId r = subscript(I, name, tuple, items, n);
    free(items);
    return r;
}

/* typing_getitem once its name and items are copied out of the payloads */
static SimId subscript(PyRun *I, const char *name, bool tuple, const SimId *items, uint32_t n)
{
    if (!strcmp(name, "Any"))
        return py_not_modelled(I, 0, "typing.Any[...] (a TypeError in CPython)"), (SimId)0;
    if (!strcmp(name, "Optional") || !strcmp(name, "Union")) {
        bool opt = !strcmp(name, "Optional");
        if (opt && tuple)
            return py_not_modelled(I, 0, "typing.Optional[] of several arguments (a TypeError in CPython)"), (SimId)0;
        SimId list = sim_list(S, 0);
        bool ok = true;
        for (uint32_t i = 0; ok && i < n; i++)
            ok = push_union(I, list, items[i]);
        if (ok && opt)
            ok = push_union(I, list, S->none);
        if (!ok) {
            sim_decref(S, list);
            return 0;
        }
        if (sim_obj(S, list)->len == 1) { /* Union[X] is X */
            SimId one = sim_items(S, list)[0];
            sim_incref(S, one);
            sim_decref(S, list);
            return one;
        }
        SimId args = sim_tuple(S, sim_obj(S, list)->len);
        for (uint32_t i = 0; i < sim_obj(S, list)->len; i++) {
            sim_incref(S, sim_items(S, list)[i]);
            sim_tuple_set(S, args, i, sim_items(S, list)[i]);
        }
        sim_decref(S, list);
        return cached(I, "Union", args);
    }
    if (!strcmp(name, "Callable")) { /* Callable[[args], result] or Callable[..., result] */
        if (!tuple || n != 2 || (sim_kind(S, items[0]) != SK_LIST && sim_kind(S, items[0]) != SK_ELLIPSIS))
            return py_not_modelled(I, 0, "typing.Callable[] other than Callable[[args], result]"), (SimId)0;
        SimId params = items[0];
        uint32_t np = sim_kind(S, params) == SK_LIST ? sim_obj(S, params)->len : 1;
        SimId args = sim_tuple(S, 2);
        SimId plist = sim_list(S, 0);
        for (uint32_t i = 0; sim_kind(S, params) == SK_LIST && i < np; i++) {
            SimId c = convert(I, sim_items(S, params)[i]);
            if (!c) {
                sim_decref(S, plist);
                sim_decref(S, args);
                return 0;
            }
            sim_list_append(S, plist, c);
        }
        SimId r = convert(I, items[1]);
        if (!r) {
            sim_decref(S, plist);
            sim_decref(S, args);
            return 0;
        }
        if (sim_kind(S, params) == SK_ELLIPSIS) {
            sim_decref(S, plist);
            sim_incref(S, params);
            sim_tuple_set(S, args, 0, params);
        } else {
            sim_tuple_set(S, args, 0, plist);
        }
        sim_tuple_set(S, args, 1, r);
        return new_obj(I, name, args); /* a list inside: not cached (unhashable) */
    }
    if (tuple && n == 0 && strcmp(name, "Tuple") != 0)
        return py_not_modelled(I, 0, "typing.%s[()]", name), (SimId)0;
    SimId args = sim_tuple(S, n);
    for (uint32_t i = 0; i < n; i++) {
        SimId c = convert(I, items[i]);
        if (!c) {
            sim_decref(S, args);
            return 0;
        }
        sim_tuple_set(S, args, i, c);
    }
    return cached(I, name, args);
}

bool typing_refused(PyRun *I, SimId v, const char *what)
{
    if (!typing_is_alias(I, v))
        return false;
    return !py_not_modelled(I, 0, "%s a typing object (made for annotations)", what);
}

/* ---- the module ------------------------------------------------------------------------ */

const BuiltinDef typing_functions[] = {
    BUILTIN("NamedTuple", 0, BM_TYPING, typing_namedtuple_call, .kw = "*"), /* typing_namedtuple.c */
};
const int typing_nfunctions = (int)(sizeof typing_functions / sizeof typing_functions[0]);

void typing_module_init(PyRun *I, SimId d)
{
    SimId ns = sim_dict(S);
    bi_dict_put(I, ns, "__module__", sim_str_intern(S, "typing", 6));
    bi_dict_put(I, ns, "_cache", sim_dict(S));
    SimId nm = sim_str_intern(S, "_GenericAlias", 13);
    SimId bases = sim_tuple(S, 0);
    SimId cls = class_build(I, nm, ns, bases);
    sim_decref(S, bases);
    sim_decref(S, nm);
    sim_decref(S, ns);
    if (!cls)
        return;
    sim_items(S, cls)[SIM_TY_FLAGS] |= SIM_TYF_TYPING;
    bi_dict_put(I, d, "_GenericAlias", cls);
    for (int i = 0; i < N_PLAIN; i++)
        bi_dict_put(I, d, plain_names[i], new_obj_of(I, cls, plain_names[i], 0));
}

void typing_on_import(PyRun *I)
{
    std_import(I, STD_TYPING);
    /* 3.13: `from typing import List` counts one young object more than
     * `import typing` (measured); the model does not tell the two apart */
    if (S->prof->version >= SIM_V313) {
        if (!I->gc_count_unsure)
            I->count_unsure_what = "importing typing under 3.13 (a from-import counts one object more)";
        I->gc_count_unsure = true;
    }
}
