/*
 * collections_chainview: what ChainMap.keys(), items() and values() give,
 * Mapping's views from Lib/_collections_abc.py (the same in 3.11, 3.12
 * and 3.13): KeysView, ItemsView and ValuesView, Python classes whose
 * instances hold one slot, _mapping (their base MappingView's `__slots__
 * = '_mapping',`, theirs `()`), so each view is CPython's 40 bytes,
 * tracked.  The four classes are made here the first time a ChainMap hands out a view, with
 * built-in methods (SK_INSTANCE, BM_COLLECTIONS), as fractions.Fraction's
 * are.  len() is len(self._mapping), `in` and iteration read the mapping
 * again each time, as Lib's code does, the repr is
 * '{0.__class__.__name__}({0._mapping!r})', and == of a KeysView or an
 * ItemsView is Set.__eq__ (same length, every item in the other) against
 * a set, a frozenset or a dict's or ChainMap's keys or items.
 *
 * iter() of a view is the generator of Lib's __iter__ (its size per
 * version, tracked, holding the view; its first step takes the mapping's
 * keys, each step looks the next one up).  Not as in CPython, and said so:
 * the young count and the traced figures are refused after a method
 * (Lib's frames), as after ChainMap's own.  The set operators (& | - ^),
 * the orderings, isdisjoint and the classes' bases (Set, Collection ...)
 * are refused.
 */
#include <string.h>

#include "pyrun/interp.h"
#include "pyrun/modules/collections.h"
#include "pyrun/modules/tracemalloc.h"
#include "pyrun/types/types.h"

#define S (I->sim)

enum { V_KEYS, V_ITEMS, V_VALUES, V_BASE };
static const char *const view_names[4] = {"KeysView", "ItemsView", "ValuesView", "MappingView"};

static void view_note(PyRun *I)
{
    if (!I->gc_count_unsure)
        I->count_unsure_what = "a method of a ChainMap's view (collections.abc's Python code)";
    I->gc_count_unsure = true;
    tm_note_unsure(I, "a method of a ChainMap's view (collections.abc's Python code)");
}

/* which view class v is an instance of (-1: none) */
static int view_kind(PyRun *I, SimId v)
{
    if (sim_kind(S, v) != SK_INSTANCE)
        return -1;
    for (int k = 0; k < 3; k++)
        if (I->chainmap_views[k] && sim_is_subtype(S, sim_obj(S, v)->type, I->chainmap_views[k]))
            return k;
    return -1;
}

bool chainview_is_class(PyRun *I, SimId cls)
{
    for (int k = 0; k < 4; k++)
        if (I->chainmap_views[k] && sim_kind(S, cls) == SK_TYPE && sim_is_subtype(S, cls, I->chainmap_views[k]))
            return true;
    return false;
}

/* self and its _mapping (borrowed), after the arguments' check */
static SimId mapping_of(PyRun *I, const char *fn, SimId *a, int n, SimId kw, int nargs)
{
    view_note(I);
    if (kw || n != nargs + 1) {
        py_not_modelled(I, 0, "these arguments to a view's %s()", fn);
        return 0;
    }
    if (view_kind(I, a[0]) < 0)
        return py_not_modelled(I, 0, "a view's %s() called on a %s", fn, op_typename(I, a[0])), (SimId)0;
    SimId k = sim_str_intern(S, "_mapping", 8), m = attr_get(I, a[0], k);
    sim_decref(S, k);
    if (m)
        sim_decref(S, m); /* the slot holds it */
    return m;
}

static SimId v_init(PyRun *I, SimId *a, int n, SimId kw)
{
    view_note(I);
    if (kw || n != 2)
        return py_not_modelled(I, 0, "these arguments to a mapping view's __init__()"), (SimId)0;
    SimId k = sim_str_intern(S, "_mapping", 8);
    bool ok = attr_set(I, a[0], k, a[1]);
    sim_decref(S, k);
    return ok ? bi_none(I) : 0;
}

static SimId v_len(PyRun *I, SimId *a, int n, SimId kw)
{
    SimId m = mapping_of(I, "__len__", a, n, kw, 0);
    return m ? builtin_len_of(I, m) : 0;
}

static SimId v_repr(PyRun *I, SimId *a, int n, SimId kw)
{
    SimId m = mapping_of(I, "__repr__", a, n, kw, 0);
    if (!m)
        return 0;
    Buf b = {0};
    buf_printf(&b, "%s(", sim_type_name(S, a[0]));
    bool ok = op_repr(I, m, &b);
    buf_addc(&b, ')');
    SimId r = ok ? sim_str(S, buf_str(&b), b.len) : 0;
    buf_fini(&b);
    return r;
}

/* (key, mapping[key]) for an ItemsView, mapping[key] for a ValuesView */
static SimId entry(PyRun *I, int kind, SimId m, SimId key)
{
    SimId v = op_getitem(I, m, key);
    if (!v || kind == V_VALUES)
        return v;
    SimId t = sim_tuple(S, 2);
    sim_incref(S, key);
    sim_tuple_set(S, t, 0, key);
    sim_tuple_set(S, t, 1, v);
    return t;
}

/* what Lib's generator yields, as a list (a new reference or 0) */
static SimId yielded(PyRun *I, int kind, SimId m)
{
    SimId keys = bi_list_from(I, m);
    if (!keys || kind == V_KEYS)
        return keys;
    SimId out = sim_list(S, 0);
    for (uint32_t i = 0; i < sim_obj(S, keys)->len; i++) {
        SimId e = entry(I, kind, m, sim_items(S, keys)[i]);
        if (!e) {
            sim_decref(S, out);
            out = 0;
            break;
        }
        sim_list_append(S, out, e);
    }
    sim_decref(S, keys);
    return out;
}

/* __iter__: a generator of Lib's code (`yield from self._mapping`, or a
 * loop over its keys yielding mapping[key] or (key, mapping[key])): it
 * holds the view; its first step iterates the mapping (ChainMap.__iter__'s
 * dict of the keys), each step looks the key up then */
enum { CG_VIEW, CG_KEYS, CG_NREFS };

static SimId v_iter(PyRun *I, SimId *a, int n, SimId kw)
{
    SimId m = mapping_of(I, "__iter__", a, n, kw, 0);
    if (!m)
        return 0;
    SimId g = sim_iter_composite(S, (SimXType)(SIM_XT_CM_GEN_KEYS + view_kind(I, a[0])), CG_NREFS, 0, 0, true);
    if (sim_nomem(S))
        return g;
    sim_incref(S, a[0]);
    sim_iter_refs(S, g)[CG_VIEW] = a[0];
    return g;
}

/* the generator's end: its frame goes, with what it held */
static void gen_done(PyRun *I, SimId g)
{
    SimId view = sim_iter_refs(S, g)[CG_VIEW], keys = sim_iter_refs(S, g)[CG_KEYS];
    sim_iter_refs(S, g)[CG_VIEW] = 0;
    sim_iter_refs(S, g)[CG_KEYS] = 0;
    sim_xdecref(S, keys);
    sim_xdecref(S, view);
}

SimId chainview_gen_next(PyRun *I, SimId g)
{
    SimId view = sim_iter_refs(S, g)[CG_VIEW];
    if (!view)
        return 0;
    view_note(I);
    int kind = (int)(sim_xtype_of(S, g) - SIM_XT_CM_GEN_KEYS);
    SimId k = sim_str_intern(S, "_mapping", 8), m = attr_get(I, view, k);
    sim_decref(S, k);
    if (!m) {
        gen_done(I, g);
        return 0;
    }
    if (!sim_iter_refs(S, g)[CG_KEYS]) {
        SimId keys = bi_list_from(I, m), it = keys ? iter_new(I, keys) : 0;
        sim_xdecref(S, keys);
        if (!it) {
            sim_decref(S, m);
            gen_done(I, g);
            return 0;
        }
        sim_iter_refs(S, g)[CG_KEYS] = it;
    }
    SimId key = iter_next(I, sim_iter_refs(S, g)[CG_KEYS]), r = 0;
    if (key) {
        r = kind == V_KEYS ? key : entry(I, kind, m, key);
        if (kind != V_KEYS)
            sim_decref(S, key);
    }
    sim_decref(S, m);
    if (!r)
        gen_done(I, g);
    return r;
}

/* v is x or v == x: 1, 0, -1 raised */
static int same_or_equal(PyRun *I, SimId v, SimId x) { return v == x ? 1 : op_equal(I, v, x); }

static SimId v_contains(PyRun *I, SimId *a, int n, SimId kw)
{
    SimId m = mapping_of(I, "__contains__", a, n, kw, 1);
    if (!m)
        return 0;
    int kind = view_kind(I, a[0]), r = 0;
    if (kind == V_KEYS) {
        r = op_contains(I, m, a[1]);
    } else if (kind == V_ITEMS) { /* key, value = item; try: v = self._mapping[key] ... */
        if (sim_kind(S, a[1]) != SK_TUPLE || sim_obj(S, a[1])->len != 2)
            return py_not_modelled(I, 0, "`in` an ItemsView with a %s that is not a pair",
                                   op_typename(I, a[1])), (SimId)0;
        SimId v = op_getitem(I, m, sim_items(S, a[1])[0]);
        if (!v && py_err_matches(I, EXC_KeyError)) {
            py_err_clear(I);
            return sim_bool(S, false);
        }
        r = v ? same_or_equal(I, v, sim_items(S, a[1])[1]) : -1;
        sim_xdecref(S, v);
    } else { /* for key in self._mapping: v = self._mapping[key] ... */
        SimId keys = bi_list_from(I, m);
        r = keys ? 0 : -1;
        for (uint32_t i = 0; keys && r == 0 && i < sim_obj(S, keys)->len; i++) {
            SimId v = op_getitem(I, m, sim_items(S, keys)[i]);
            r = v ? same_or_equal(I, v, a[1]) : -1;
            sim_xdecref(S, v);
        }
        sim_xdecref(S, keys);
    }
    return r < 0 ? 0 : sim_bool(S, r == 1);
}

/* a collections.abc.Set the model knows: 1 yes, 0 no, -1 refused */
static int is_set(PyRun *I, SimId v)
{
    SimKind k = sim_kind(S, v);
    if (k == SK_SET)
        return 1;
    if (k == SK_DICTVIEW)
        return sim_obj(S, v)->sub == SIM_VIEW_KEYS || sim_obj(S, v)->sub == SIM_VIEW_ITEMS;
    int vk = view_kind(I, v);
    if (vk >= 0)
        return vk != V_VALUES;
    if (k == SK_INSTANCE && !sim_is_native(S, v))
        return py_not_modelled(I, 0, "a mapping view compared with an instance of a class (collections.abc.Set's "
                                     "registrations)") ? 0 : -1;
    return 0;
}

/* Set.__eq__: len(self) == len(other) and self.__le__(other) */
static SimId compare(PyRun *I, SimId *a, int n, SimId kw, bool eq)
{
    SimId m = mapping_of(I, eq ? "__eq__" : "__ne__", a, n, kw, 1);
    if (!m)
        return 0;
    int s = is_set(I, a[1]);
    if (s < 0)
        return 0;
    if (s == 0) {
        sim_incref(S, S->notimpl);
        return S->notimpl;
    }
    SimId mine = yielded(I, view_kind(I, a[0]), m), other = mine ? builtin_len_of(I, a[1]) : 0;
    int r = other ? (sim_obj(S, other)->v.i == (int64_t)sim_obj(S, mine)->len) : -1;
    sim_xdecref(S, other);
    for (uint32_t i = 0; r == 1 && i < sim_obj(S, mine)->len; i++)
        r = op_contains(I, a[1], sim_items(S, mine)[i]);
    sim_xdecref(S, mine);
    return r < 0 ? 0 : sim_bool(S, eq ? r == 1 : r == 0);
}

static SimId v_eq(PyRun *I, SimId *a, int n, SimId kw) { return compare(I, a, n, kw, true); }
static SimId v_ne(PyRun *I, SimId *a, int n, SimId kw) { return compare(I, a, n, kw, false); }

static SimId v_refused(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)a, (void)n, (void)kw;
    return py_not_modelled(I, 0, "this method of a mapping view (collections.abc.Set's operators)"), (SimId)0;
}

/* ---- the classes ------------------------------------------------------------------ */

#define M(nm, f) BUILTIN("MappingView." nm, SK_INSTANCE, BM_COLLECTIONS, f, .kw = "*")
#define R(nm) BUILTIN("MappingView." nm, SK_INSTANCE, BM_COLLECTIONS, v_refused, .refused = true)

const BuiltinDef chainview_methods[] = {
    M("__init__", v_init), M("__len__", v_len), M("__repr__", v_repr), M("__iter__", v_iter),
    M("__contains__", v_contains), M("__eq__", v_eq), M("__ne__", v_ne), R("__and__"), R("__rand__"),
    R("__or__"), R("__ror__"), R("__sub__"), R("__rsub__"), R("__xor__"), R("__rxor__"), R("__lt__"),
    R("__le__"), R("__gt__"), R("__ge__"), R("isdisjoint"),
};
const int chainview_nmethods = (int)(sizeof chainview_methods / sizeof chainview_methods[0]);

static SimId make_class(PyRun *I, int kind, SimId base_cls)
{
    const char *name = view_names[kind];
    SimId ns = sim_dict(S);
    bi_dict_put(I, ns, "__module__", sim_str_intern(S, "collections.abc", 15));
    bi_dict_put(I, ns, "__qualname__", sim_str_intern(S, name, strlen(name)));
    SimId slots = sim_tuple(S, kind == V_BASE ? 1 : 0);
    if (kind == V_BASE)
        sim_tuple_set(S, slots, 0, sim_str_intern(S, "_mapping", 8));
    bi_dict_put(I, ns, "__slots__", slots);
    int base = bi_index_of(chainview_methods);
    for (int i = 0; i < chainview_nmethods; i++) {
        const char *mn = chainview_methods[i].name + 12;
        bool mine = !strcmp(mn, "__init__") || !strcmp(mn, "__len__") || !strcmp(mn, "__repr__");
        bool set_only = !mine && strcmp(mn, "__iter__") && strcmp(mn, "__contains__");
        if (mine != (kind == V_BASE) || (kind == V_VALUES && set_only))
            continue; /* MappingView's own three; ValuesView is a Collection, not a Set: object's == */
        bi_dict_put(I, ns, mn, sim_builtin(S, (uint32_t)(base + i), 0));
    }
    if (kind == V_KEYS || kind == V_ITEMS) { /* Set's: unhashable */
        sim_incref(S, S->none);
        bi_dict_put(I, ns, "__hash__", S->none);
    }
    SimId nm = sim_str_intern(S, name, strlen(name)), bases = sim_tuple(S, base_cls ? 1 : 0);
    if (base_cls) {
        sim_incref(S, base_cls);
        sim_tuple_set(S, bases, 0, base_cls);
    }
    SimId cls = class_build(I, nm, ns, bases);
    sim_decref(S, bases);
    sim_decref(S, nm);
    sim_decref(S, ns);
    if (cls)
        sim_items(S, cls)[SIM_TY_FLAGS] |= SIM_TYF_NATIVE;
    return cls;
}

SimId chainview_new(PyRun *I, SimId mapping, int kind)
{
    view_note(I);
    if (!I->chainmap_views[V_BASE] && !(I->chainmap_views[V_BASE] = make_class(I, V_BASE, 0)))
        return 0;
    if (!I->chainmap_views[kind] && !(I->chainmap_views[kind] = make_class(I, kind, I->chainmap_views[V_BASE])))
        return 0;
    return vm_call(I, I->chainmap_views[kind], &mapping, 1);
}
