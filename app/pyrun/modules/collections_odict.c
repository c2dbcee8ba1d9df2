/*
 * collections_odict: collections.OrderedDict as Objects/odictobject.c has
 * it (3.11-3.13) — a dict (tp_basicsize 112: the dict, the list's ends, the
 * fast-nodes array, its size, the resize sentinel, od_state, od_inst_dict
 * and od_weakreflist) whose keys also sit in a linked list of nodes that
 * gives its order.  Its instances are the model's instances of a subclass
 * of dict (sim/subinst.c) whose class carries SIM_TYF_ODICT; the list, its
 * nodes and the fast-nodes array are sim/odict.c's, kept in step by the
 * dict's own insertions and deletions.  Here: the type, made quietly at
 * import, its methods (move_to_end, popitem(last=), copy, update as
 * mutablemapping_update, fromkeys, the views, __reversed__), __init__,
 * the odict_iterator, repr per version, == and |.  Measured on 3.11.7,
 * 3.12.1 and 3.13.0 (tests/oracle 760-).
 */
#include <string.h>

#include "pyrun/interp.h"
#include "pyrun/modules/collections.h"
#include "pyrun/types/types.h"
#include "sim/gc.h"

#define S (I->sim)

bool odict_is(PyRun *I, SimId obj) { return sim_is_odict(S, obj); }

/* ---- mutablemapping_update ------------------------------------------------------ */

/* mutablemapping_add_pairs: each pair unpacked by its own iterator, then
 * PyObject_SetItem */
static bool add_pairs(PyRun *I, SimId od, SimId pairs)
{
    SimId it = iter_new(I, pairs);
    if (!it)
        return false;
    bool ok = true;
    for (SimId pair; ok && (pair = iter_next(I, it));) {
        SimId pit = iter_new(I, pair), k = 0, v = 0, extra = 0;
        ok = pit != 0;
        if (ok && !(k = iter_next(I, pit))) {
            ok = false;
            if (!I->ts->err.set)
                py_raise(I, EXC_ValueError, "need more than 0 values to unpack");
        }
        if (ok && !(v = iter_next(I, pit))) {
            ok = false;
            if (!I->ts->err.set)
                py_raise(I, EXC_ValueError, "need more than 1 value to unpack");
        }
        if (ok && (extra = iter_next(I, pit))) {
            sim_decref(S, extra);
            py_raise(I, EXC_ValueError, "too many values to unpack (expected 2)");
            ok = false;
        } else if (ok && I->ts->err.set) {
            ok = false;
        }
        if (ok)
            ok = op_setitem(I, od, k, v);
        sim_xdecref(S, k);
        sim_xdecref(S, v);
        sim_xdecref(S, pit);
        sim_decref(S, pair);
    }
    sim_decref(S, it);
    return ok && !I->ts->err.set;
}

/* PyDict_Items: a new list of new pairs */
static SimId dict_items_list(PyRun *I, SimId d)
{
    SimId l = sim_list(S, sim_obj(S, d)->len);
    uint32_t pos = 0, i = 0;
    SimId k, v;
    while (sim_dict_next(S, d, &pos, &k, &v)) {
        SimId t = sim_tuple(S, 2);
        sim_incref(S, k), sim_incref(S, v);
        sim_tuple_set(S, t, 0, k);
        sim_tuple_set(S, t, 1, v);
        sim_list_set(S, l, i++, t);
    }
    return l;
}

/* mutablemapping_update_arg: an exact dict's items list; a mapping with
 * keys() (an OrderedDict, a dict subclass) key by key; else pairs */
bool odict_update_arg(PyRun *I, SimId od, SimId arg)
{
    if (sim_kind(S, arg) == SK_DICT && !sim_obj(S, arg)->type) {
        SimId items = dict_items_list(I, arg);
        bool ok = add_pairs(I, od, items);
        sim_decref(S, items);
        return ok;
    }
    if (sim_kind(S, arg) == SK_DICT) { /* keys(), iterated, arg[key] each */
        sim_incref(S, arg); /* the view holds it */
        SimId view = sim_dictview(S, arg, SIM_VIEW_KEYS);
        SimId it = iter_new(I, view);
        sim_decref(S, view);
        if (!it)
            return false;
        bool ok = true;
        for (SimId k; ok && (k = iter_next(I, it));) {
            SimId v = op_getitem(I, arg, k);
            ok = v && op_setitem(I, od, k, v);
            sim_xdecref(S, v);
            sim_decref(S, k);
        }
        sim_decref(S, it);
        return ok && !I->ts->err.set;
    }
    if (sim_kind(S, arg) == SK_INSTANCE && sim_type_lookup(S, sim_obj(S, arg)->type, "keys"))
        return py_not_modelled(I, 0, "updating an OrderedDict from a mapping that is not a dict");
    return add_pairs(I, od, arg);
}

/* mutablemapping_update(self, args, kwargs): the positional (at most
 * one: checked by the caller), then the keywords' items */
static bool update_call(PyRun *I, SimId od, SimId *a, int n, SimId kw, bool made)
{
    int np = bi_npos(I, n, kw);
    if (np == 1 && !odict_update_arg(I, od, a[0]))
        return false;
    if (n == np)
        return true;
    /* the call's keyword dict (a type call's is made already: `made`),
     * then PyDict_Items of it: the pairs in the keywords' order */
    SimId kd = made ? 0 : sim_dict(S);
    for (int i = np; kd && i < n; i++) {
        sim_incref(S, sim_items(S, kw)[i - np]), sim_incref(S, a[i]);
        sim_dict_set(S, kd, sim_items(S, kw)[i - np], a[i]);
    }
    SimId items = sim_list(S, (size_t)(n - np));
    for (int i = np; i < n; i++) {
        SimId t = sim_tuple(S, 2);
        sim_incref(S, sim_items(S, kw)[i - np]), sim_incref(S, a[i]);
        sim_tuple_set(S, t, 0, sim_items(S, kw)[i - np]);
        sim_tuple_set(S, t, 1, a[i]);
        sim_list_set(S, items, (size_t)(i - np), t);
    }
    bool ok = add_pairs(I, od, items);
    sim_decref(S, items);
    sim_xdecref(S, kd);
    return ok;
}

bool odict_init(PyRun *I, SimId od, SimId *a, int n, SimId kw)
{
    int np = bi_npos(I, n, kw);
    if (np > 1) {
        py_raise(I, EXC_TypeError, "expected at most 1 arguments, got %d", np);
        return false;
    }
    return update_call(I, od, a, n, kw, true);
}

/* type(od)(): a new empty instance of cls, as its call makes it (a
 * program's subclass with an __init__ or __new__ of its own: refused) */
SimId odict_new_like(PyRun *I, SimId cls, const char *what)
{
    if (cls != I->odict_type) {
        SimId f = sim_type_lookup(S, cls, "__init__"), g = sim_type_lookup(S, cls, "__new__");
        if ((f && sim_kind(S, f) != SK_BUILTIN) || (g && sim_kind(S, g) != SK_BUILTIN))
            return py_not_modelled(I, 0, "%s of an OrderedDict subclass with its own __init__ or __new__", what),
                   (SimId)0;
    }
    return sim_subinst_new(S, cls, 0);
}

/* ---- the methods ------------------------------------------------------------------- */

static bool self_ok(PyRun *I, const char *name, SimId self)
{
    if (odict_is(I, self))
        return true;
    py_raise(I, EXC_TypeError, "descriptor '%s' for 'collections.OrderedDict' objects doesn't apply to a '%s' object",
             name, op_typename(I, self));
    return false;
}

/* the `last` argument (a bool, PyObject_IsTrue), positional at `at` or by keyword */
static int last_arg(PyRun *I, SimId *a, int n, SimId kw, int at)
{
    int np = bi_npos(I, n, kw);
    SimId v = np > at ? a[at] : bi_kwarg(I, a, n, kw, "last");
    return v ? op_truth(I, v) : 1;
}

static SimId m_move_to_end(PyRun *I, SimId *a, int n, SimId kw)
{
    int np = bi_npos(I, n, kw);
    if (!self_ok(I, "move_to_end", a[0]))
        return 0;
    SimId key = np > 1 ? a[1] : bi_kwarg(I, a, n, kw, "key");
    if (!key || np > 3) {
        py_raise(I, EXC_TypeError, !key ? "OrderedDict.move_to_end() missing required argument 'key' (pos 1)"
                                        : "OrderedDict.move_to_end() takes at most 2 arguments (%d given)", np - 1);
        return 0;
    }
    int last = last_arg(I, a, n, kw, 2);
    if (last < 0)
        return 0;
    SimId od = a[0];
    uint32_t len = sim_odict_len(S, od);
    if (!len) {
        py_raise_key(I, EXC_KeyError, key);
        return 0;
    }
    uint32_t end = last ? len - 1 : 0;
    int64_t at = sim_odict_key(S, od, end) == key ? (int64_t)end : sim_odict_find(S, od, key);
    if (at < 0) {
        if (!I->ts->err.set)
            py_raise_key(I, EXC_KeyError, key);
        return 0;
    }
    sim_odict_move(S, od, (uint32_t)at, last);
    return bi_none(I);
}

static SimId m_popitem(PyRun *I, SimId *a, int n, SimId kw)
{
    int np = bi_npos(I, n, kw);
    if (!self_ok(I, "popitem", a[0]))
        return 0;
    if (np > 2) {
        py_raise(I, EXC_TypeError, "OrderedDict.popitem() takes at most 1 argument (%d given)", np - 1);
        return 0;
    }
    int last = last_arg(I, a, n, kw, 1);
    if (last < 0)
        return 0;
    SimId od = a[0];
    uint32_t len = sim_odict_len(S, od);
    if (!len) {
        py_raise(I, EXC_KeyError, "dictionary is empty");
        return 0;
    }
    SimId key = sim_odict_key(S, od, last ? len - 1 : 0);
    sim_incref(S, key);
    SimId value = sim_dict_pop(S, od, key); /* the node, then the entry */
    SimId t = sim_tuple(S, 2);               /* PyTuple_Pack(2, key, value) */
    sim_incref(S, key);
    sim_tuple_set(S, t, 0, key);
    sim_tuple_set(S, t, 1, value);
    sim_decref(S, key);
    return t;
}

/* odict_copy: an empty one of the same class, the items set in order */
static SimId copy_of(PyRun *I, SimId od)
{
    SimId c = odict_new_like(I, sim_obj(S, od)->type, "copy()");
    for (uint32_t i = 0; c && i < sim_odict_len(S, od); i++) {
        SimId k = sim_odict_key(S, od, i);
        SimId v = sim_dict_get(S, od, k);
        if (!v || !op_setitem(I, c, k, v)) {
            if (!v && !I->ts->err.set)
                py_raise_key(I, EXC_KeyError, k);
            sim_decref(S, c);
            return 0;
        }
    }
    return c;
}

static SimId m_copy(PyRun *I, SimId *a, int n, SimId kw)
{
    if (!self_ok(I, "copy", a[0]))
        return 0;
    if (bi_npos(I, n, kw) > 1 || n > bi_npos(I, n, kw)) {
        py_raise(I, EXC_TypeError, "OrderedDict.copy() takes no arguments (%d given)", n - 1);
        return 0;
    }
    return copy_of(I, a[0]);
}

static SimId m_update(PyRun *I, SimId *a, int n, SimId kw)
{
    if (!self_ok(I, "update", a[0]))
        return 0;
    int np = bi_npos(I, n, kw) - 1;
    bi_args_tuple(I, np); /* METH_VARARGS | METH_KEYWORDS */
    if (np > 1) {
        py_raise(I, EXC_TypeError, "update() takes at most 1 positional argument (%d given)", np);
        return 0;
    }
    return update_call(I, a[0], a + 1, n - 1, kw, false) ? bi_none(I) : 0;
}

/* dict.fromkeys on the class: cls(), then each key set (PyObject_SetItem) */
static SimId m_fromkeys(PyRun *I, SimId *a, int n, SimId kw)
{
    int np = bi_npos(I, n, kw);
    SimId cls = a[0];
    if (odict_is(I, cls))
        cls = sim_obj(S, cls)->type;
    if (np < 2 || np > 3 || n > np) {
        py_raise(I, EXC_TypeError, np < 2 ? "fromkeys expected at least 1 argument, got %d"
                                          : "fromkeys expected at most 2 arguments, got %d", np - 1);
        return 0;
    }
    SimId value = np > 2 ? a[2] : S->none;
    SimId it = iter_new(I, a[1]);
    if (!it)
        return 0;
    SimId od = odict_new_like(I, cls, "fromkeys()");
    for (SimId k; od && (k = iter_next(I, it));) {
        bool ok = op_setitem(I, od, k, value);
        sim_decref(S, k);
        if (!ok)
            break;
    }
    sim_decref(S, it);
    if (I->ts->err.set || I->refused) {
        sim_xdecref(S, od);
        return 0;
    }
    return od;
}

static SimId view_of(PyRun *I, SimId *a, int n, SimId kw, const char *name, int view)
{
    if (!self_ok(I, name, a[0]))
        return 0;
    if (n > 1) {
        py_raise(I, EXC_TypeError, "OrderedDict.%s() takes no arguments (%d given)", name, n - 1);
        return 0;
    }
    (void)kw;
    sim_incref(S, a[0]);
    return sim_dictview(S, a[0], view);
}

static SimId m_keys(PyRun *I, SimId *a, int n, SimId kw) { return view_of(I, a, n, kw, "keys", SIM_VIEW_KEYS); }
static SimId m_values(PyRun *I, SimId *a, int n, SimId kw) { return view_of(I, a, n, kw, "values", SIM_VIEW_VALUES); }
static SimId m_items(PyRun *I, SimId *a, int n, SimId kw) { return view_of(I, a, n, kw, "items", SIM_VIEW_ITEMS); }

static SimId m_reversed(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!self_ok(I, "__reversed__", a[0]))
        return 0;
    if (n > 1) {
        py_raise(I, EXC_TypeError, "OrderedDict.__reversed__() takes no arguments (%d given)", n - 1);
        return 0;
    }
    return odict_iter(I, a[0], SIM_VIEW_KEYS, true);
}

/* an argument by position (at) or by keyword */
static SimId arg_at(PyRun *I, SimId *a, int n, SimId kw, int at, const char *name)
{
    int np = bi_npos(I, n, kw);
    return np > at ? a[at] : bi_kwarg(I, a, n, kw, name);
}

/* OrderedDict.pop(key, default=<unrepresentable>): the node, then the entry */
static SimId m_pop(PyRun *I, SimId *a, int n, SimId kw)
{
    if (!self_ok(I, "pop", a[0]))
        return 0;
    SimId key = arg_at(I, a, n, kw, 1, "key"), dflt = arg_at(I, a, n, kw, 2, "default");
    if (!key || bi_npos(I, n, kw) > 3) {
        py_raise(I, EXC_TypeError, !key ? "OrderedDict.pop() missing required argument 'key' (pos 1)"
                                        : "OrderedDict.pop() takes at most 2 arguments (%d given)",
                 bi_npos(I, n, kw) - 1);
        return 0;
    }
    SimId v = sim_dict_pop(S, a[0], key);
    if (v)
        return v;
    if (I->ts->err.set)
        return 0;
    if (dflt) {
        sim_incref(S, dflt);
        return dflt;
    }
    py_raise_key(I, EXC_KeyError, key);
    return 0;
}

/* OrderedDict.setdefault(key, default=None) */
static SimId m_setdefault(PyRun *I, SimId *a, int n, SimId kw)
{
    if (!self_ok(I, "setdefault", a[0]))
        return 0;
    SimId key = arg_at(I, a, n, kw, 1, "key"), dflt = arg_at(I, a, n, kw, 2, "default");
    if (!key || bi_npos(I, n, kw) > 3) {
        py_raise(I, EXC_TypeError, !key ? "OrderedDict.setdefault() missing required argument 'key' (pos 1)"
                                        : "OrderedDict.setdefault() takes at most 2 arguments (%d given)",
                 bi_npos(I, n, kw) - 1);
        return 0;
    }
    SimId v = sim_dict_get(S, a[0], key);
    if (!v && I->ts->err.set)
        return 0;
    if (!v) {
        v = dflt ? dflt : S->none;
        if (!op_setitem(I, a[0], key, v))
            return 0;
    }
    sim_incref(S, v);
    return v;
}

static SimId m_refused(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)a, (void)n, (void)kw;
    return py_not_modelled(I, 0, "OrderedDict.__reduce__ (pickling or copy.copy of an OrderedDict)"), (SimId)0;
}

/* Read on an OrderedDict they bind as methods (its class's dict holds them) */
const BuiltinDef odict_methods[] = {
    BUILTIN("move_to_end", SK_DICT, BM_COLLECTIONS, m_move_to_end, .kw = "*", .clinic = "OrderedDict.move_to_end:key last"),
    BUILTIN("popitem", SK_DICT, BM_COLLECTIONS, m_popitem, .kw = "*", .clinic = "OrderedDict.popitem:last"),
    BUILTIN("copy", SK_DICT, BM_COLLECTIONS, m_copy, .kw = "*"),
    BUILTIN("update", SK_DICT, BM_COLLECTIONS, m_update, .kw = "*"),
    BUILTIN("pop", SK_DICT, BM_COLLECTIONS, m_pop, .kw = "*", .clinic = "OrderedDict.pop:key default"),
    BUILTIN("setdefault", SK_DICT, BM_COLLECTIONS, m_setdefault, .kw = "*", .clinic = "OrderedDict.setdefault:key default"),
    BUILTIN("fromkeys", SK_DICT, BM_COLLECTIONS, m_fromkeys, .kw = "*", .classmethod = true),
    BUILTIN("keys", SK_DICT, BM_COLLECTIONS, m_keys, .kw = "*"),
    BUILTIN("values", SK_DICT, BM_COLLECTIONS, m_values, .kw = "*"),
    BUILTIN("items", SK_DICT, BM_COLLECTIONS, m_items, .kw = "*"),
    BUILTIN("__reversed__", SK_DICT, BM_COLLECTIONS, m_reversed, .kw = "*"),
    BUILTIN("__reduce__", SK_DICT, BM_COLLECTIONS, m_refused, .kw = "*"),
    BUILTIN("__copy__", SK_DICT, BM_COLLECTIONS, m_refused, .kw = "*"),
};
const int odict_nmethods = (int)(sizeof odict_methods / sizeof odict_methods[0]);

/* ---- the type ---------------------------------------------------------------- */

SimId odict_make_type(PyRun *I)
{
    CollQuiet q;
    coll_quiet_begin(I, &q);
    SimId ns = sim_dict(S);
    bi_dict_put(I, ns, "__module__", sim_str_intern(S, "collections", 11));
    for (int i = 0; i < odict_nmethods; i++)
        if (strcmp(odict_methods[i].name, "__copy__") != 0) /* copy.copy goes through __reduce_ex__ */
            bi_dict_put(I, ns, odict_methods[i].name, sim_builtin(S, (uint32_t)bi_index_of(&odict_methods[i]), 0));
    SimId name = sim_str_intern(S, "OrderedDict", 11);
    sim_incref(S, name);
    SimId bases = sim_tuple(S, 1);
    sim_incref(S, S->types[SK_DICT]);
    sim_tuple_set(S, bases, 0, S->types[SK_DICT]);
    SimId mro[2] = {S->types[SK_DICT], S->type_object};
    SimClassSpec spec = {.name = name, .qualname = name, .bases = bases, .dict = ns, .best = 0,
                         .mro = mro, .nmro = 2, .add_dict = true, .add_weak = true, .layout = SK_DICT};
    SimId cls = sim_class_new(S, &spec);
    if (sim_obj(S, cls)->data) {
        sim_items(S, cls)[SIM_TY_FLAGS] |= SIM_TYF_NATIVE | SIM_TYF_ODICT;
        sim_items(S, cls)[SIM_TY_BASICSIZE] = 112; /* PyODictObject */
    }
    coll_quiet_end(I, &q);
    I->odict_type = cls;
    return cls;
}
