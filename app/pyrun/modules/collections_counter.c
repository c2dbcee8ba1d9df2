/*
 * collections_counter: collections.Counter, which CPython writes in Python
 * (Lib/collections/__init__.py: `class Counter(dict)`, the same in 3.11,
 * 3.12 and 3.13), as the model's instance of a subclass of dict
 * (sim/subinst.c: the size of any `class X(dict)` instance, a __dict__ made
 * on first use, tracked) whose class holds built-ins for its Python
 * methods.  Here: the class, construction, update and subtract (counting
 * an iterable as _collections._count_elements does, adding a mapping's
 * counts), __missing__ (0, nothing stored), __delitem__ (no KeyError),
 * total, copy, fromkeys.  most_common, elements, repr and the operators
 * are counter_ops.c's.
 *
 * CPython's Python code makes objects for a moment that the model does not
 * replay one by one (the **kwds dict, the call's tuples, super()): after
 * such a method the young count is refused until a gc.collect()
 * (counter_note).  Two things are replayed exactly, as measured on 3.11.7,
 * 3.12.1 and 3.13.0 with gc.get_count(): c[k] = v goes through the
 * __setitem__ slot wrapper (Counter defines __delitem__, so its
 * mp_ass_subscript is slot_mp_ass_subscript): a tuple of three and a tuple
 * of two, made and dropped; c[missing] binds __missing__ (a method object,
 * made and dropped).
 */
#include <string.h>

#include "pyrun/interp.h"
#include "pyrun/modules/collections.h"
#include "pyrun/types/types.h"

#define S (I->sim)

bool counter_is(PyRun *I, SimId obj)
{
    return I->counter_type && sim_is_subinst(S, obj) && sim_obj(S, obj)->type == I->counter_type;
}

void counter_note(PyRun *I)
{
    if (!I->gc_count_unsure)
        I->count_unsure_what = "a method of collections.Counter (its Python code's objects)";
    I->gc_count_unsure = true;
}

SimId counter_new(PyRun *I) { return sim_subinst_new(S, I->counter_type, 0); }


/* ---- a Python function's argument checks ---------------------------------------- */

/* "Counter.update() takes from 1 to 2 positional arguments but 3 were
 * given", "... missing 1 required positional argument: 'self'" */
static bool positional(PyRun *I, const char *name, int np, int min, int max)
{
    if (np < min) {
        py_raise(I, EXC_TypeError, "Counter.%s() missing 1 required positional argument: '%s'", name,
                 np == 0 ? "self" : "iterable");
        return false;
    }
    if (np <= max)
        return true;
    if (min == max)
        py_raise(I, EXC_TypeError, "Counter.%s() takes %d positional argument%s but %d were given", name, max,
                 max == 1 ? "" : "s", np);
    else
        py_raise(I, EXC_TypeError, "Counter.%s() takes from %d to %d positional arguments but %d were given", name,
                 min, max, np);
    return false;
}

/* keywords a method without **kwds does not take */
static bool no_keywords(PyRun *I, const char *name, SimId kw, const char *allowed)
{
    for (uint32_t i = 0; kw && i < sim_obj(S, kw)->len; i++) {
        size_t n;
        const char *w = sim_str_data(S, sim_items(S, kw)[i], &n);
        if (allowed && strlen(allowed) == n && memcmp(allowed, w, n) == 0)
            continue;
        py_raise(I, EXC_TypeError, "Counter.%s() got an unexpected keyword argument '%.*s'", name, (int)n, w);
        return false;
    }
    return true;
}

/* self must be a Counter: Counter.total(some_dict) would run the Python
 * code on a plain dict, which the model does not */
static bool self_ok(PyRun *I, const char *name, SimId self)
{
    if (counter_is(I, self))
        return true;
    return py_not_modelled(I, 0, "Counter.%s() called on a '%s'", name, op_typename(I, self));
}

/* ---- setting counts ------------------------------------------------------------ */

void counter_setitem_cost(PyRun *I)
{
    bi_args_tuple(I, 3); /* _PyObject_MakeTpCall: (self, key, value) */
    bi_args_tuple(I, 2); /* wrapperdescr_call: the slice after self */
}

/* c[key] = value, stealing value; false with the error raised */
static bool put(PyRun *I, SimId c, SimId key, SimId value)
{
    if (!dict_check_key(I, key)) {
        sim_decref(S, value);
        return false;
    }
    sim_incref(S, key);
    sim_dict_set(S, c, key, value);
    return !I->ts->err.set;
}

/* c.get(key, 0), borrowed: 0 when missing (err set when a lookup raised) */
static SimId lookup(PyRun *I, SimId c, SimId key)
{
    if (!dict_check_key(I, key))
        return 0;
    return sim_dict_get(S, c, key);
}

/* _count_elements(c, iterable): every item's count one more */
static bool count_elements(PyRun *I, SimId c, SimId iterable)
{
    SimId it = iter_new(I, iterable);
    if (!it) {
        if (!I->ts->err.set)
            py_raise(I, EXC_TypeError, "'%s' object is not iterable", op_typename(I, iterable));
        return false;
    }
    SimId one = sim_int(S, 1), item;
    int r;
    bool ok = true;
    while (ok && (r = iter_step(I, it, &item)) == 1) {
        SimId old = lookup(I, c, item);
        if (I->ts->err.set) {
            ok = false;
        } else if (!old) {
            sim_incref(S, one);
            ok = put(I, c, item, one);
        } else {
            SimId nv = op_binary(I, OP_ADD, old, one, false);
            ok = nv && put(I, c, item, nv);
        }
        sim_decref(S, item);
    }
    sim_decref(S, one);
    sim_decref(S, it);
    return ok && r == 0;
}

/* isinstance(x, collections.abc.Mapping), as far as the model knows it: a
 * dict (and its subclasses) or a mappingproxy; a class with ABCMeta could
 * be registered as one, which is not modelled */
static int is_mapping(PyRun *I, SimId x)
{
    if (sim_kind(S, x) == SK_DICT || proxy_is(I, x))
        return 1;
    if (sim_kind(S, x) == SK_INSTANCE && (sim_type_word(S, sim_obj(S, x)->type, SIM_TY_FLAGS) & SIM_TYF_ABCMETA))
        return py_not_modelled(I, 0, "Counter counting an instance of an ABC class (it may be a Mapping)") ? 1 : -1;
    return 0;
}

/* for elem, count in m.items(): c[elem] = count + c.get(elem, 0) (update)
 * or c.get(elem, 0) - count (subtract) */
static bool merge_counts(PyRun *I, SimId c, SimId m, bool add)
{
    if (proxy_is(I, m))
        return py_not_modelled(I, 0, "Counter counts from a mappingproxy");
    SimId pairs = sim_dictview(S, (sim_incref(S, m), m), SIM_VIEW_ITEMS);
    SimId l = bi_list_from(I, pairs); /* the model walks a snapshot: c may be m */
    sim_decref(S, pairs);
    if (!l)
        return false;
    bool ok = true;
    for (uint32_t i = 0; ok && i < sim_obj(S, l)->len; i++) {
        SimId p = sim_items(S, l)[i], k = sim_items(S, p)[0], v = sim_items(S, p)[1];
        SimId old = lookup(I, c, k);
        if (I->ts->err.set) {
            ok = false;
            break;
        }
        SimId zero = old ? 0 : sim_int(S, 0);
        SimId nv = add ? op_binary(I, OP_ADD, v, old ? old : zero, false)
                       : op_binary(I, OP_SUB, old ? old : zero, v, false);
        sim_xdecref(S, zero);
        ok = nv && put(I, c, k, nv);
    }
    sim_decref(S, l);
    return ok;
}

/* the keywords of a call as a dict (the **kwds CPython makes) */
static SimId kwds_dict(PyRun *I, SimId *a, int n, SimId kw)
{
    uint32_t nk = kw ? sim_obj(S, kw)->len : 0;
    SimId d = sim_dict(S);
    for (uint32_t i = 0; i < nk; i++) {
        SimId k = sim_items(S, kw)[i], v = a[n - (int)nk + (int)i];
        sim_incref(S, k), sim_incref(S, v);
        sim_dict_set(S, d, k, v);
    }
    return d;
}

static bool update_from(PyRun *I, SimId c, SimId src, bool add);

/* Counter.update / Counter.subtract on c from src (0: none) and the keywords */
static bool update_call(PyRun *I, SimId c, SimId src, SimId *a, int n, SimId kw, bool add)
{
    counter_note(I);
    if (src && sim_kind(S, src) != SK_NONE && !update_from(I, c, src, add))
        return false;
    if (!kw || !sim_obj(S, kw)->len)
        return true;
    SimId d = kwds_dict(I, a, n, kw);
    bool ok = update_from(I, c, d, add);
    sim_decref(S, d);
    return ok;
}

static bool update_from(PyRun *I, SimId c, SimId src, bool add)
{
    int m = is_mapping(I, src);
    if (m < 0)
        return false;
    if (!m) {
        if (add)
            return count_elements(I, c, src);
        SimId it = iter_new(I, src), item; /* for elem in iterable: c[elem] = c.get(elem, 0) - 1 */
        if (!it) {
            if (!I->ts->err.set)
                py_raise(I, EXC_TypeError, "'%s' object is not iterable", op_typename(I, src));
            return false;
        }
        int r;
        bool ok = true;
        SimId one = sim_int(S, 1);
        while (ok && (r = iter_step(I, it, &item)) == 1) {
            SimId old = lookup(I, c, item);
            SimId zero = old || I->ts->err.set ? 0 : sim_int(S, 0);
            SimId nv = I->ts->err.set ? 0 : op_binary(I, OP_SUB, old ? old : zero, one, false);
            sim_xdecref(S, zero);
            ok = nv && put(I, c, item, nv);
            sim_decref(S, item);
        }
        sim_decref(S, one);
        sim_decref(S, it);
        return ok && r == 0;
    }
    if (add && sim_obj(S, c)->len == 0) /* an empty Counter: dict.update(self, mapping) */
        return dict_fill(I, c, &src, 1, 0);
    return merge_counts(I, c, src, add);
}

bool counter_init(PyRun *I, SimId c, SimId *a, int n, SimId kw)
{
    int np = bi_npos(I, n, kw);
    if (!positional(I, "__init__", np + 1, 1, 2))
        return false;
    return update_call(I, c, np ? a[0] : 0, a, n, kw, true);
}

/* ---- __missing__ and __delitem__ ------------------------------------------------ */

SimId counter_missing(PyRun *I, SimId c, SimId key)
{
    (void)key;
    sim_incref(S, c); /* _PyObject_LookupSpecial binds __missing__ */
    sim_decref(S, sim_builtin(S, 0, c));
    return sim_int(S, 0);
}

bool counter_delitem(PyRun *I, SimId c, SimId key)
{
    counter_note(I);
    if (!dict_check_key(I, key))
        return false;
    if (!sim_dict_get(S, c, key))
        return !I->ts->err.set; /* `if elem in self`: nothing to delete */
    return sim_dict_del(S, c, key) || !I->ts->err.set;
}

/* ---- the methods ------------------------------------------------------------ */

static SimId m_update(PyRun *I, SimId *a, int n, SimId kw)
{
    int np = bi_npos(I, n, kw);
    if (!positional(I, "update", np, 1, 2) || !self_ok(I, "update", a[0]))
        return 0;
    return update_call(I, a[0], np > 1 ? a[1] : 0, a, n, kw, true) ? bi_none(I) : 0;
}

static SimId m_subtract(PyRun *I, SimId *a, int n, SimId kw)
{
    int np = bi_npos(I, n, kw);
    if (!positional(I, "subtract", np, 1, 2) || !self_ok(I, "subtract", a[0]))
        return 0;
    return update_call(I, a[0], np > 1 ? a[1] : 0, a, n, kw, false) ? bi_none(I) : 0;
}

/* sum(self.values()) */
static SimId m_total(PyRun *I, SimId *a, int n, SimId kw)
{
    if (!no_keywords(I, "total", kw, NULL) || !positional(I, "total", n, 1, 1) || !self_ok(I, "total", a[0]))
        return 0;
    counter_note(I);
    sim_incref(S, a[0]);
    SimId vals = sim_dictview(S, a[0], SIM_VIEW_VALUES);
    SimId r = builtin_sum(I, &vals, 1, 0);
    sim_decref(S, vals);
    return r;
}

/* self.__class__(self) */
static SimId m_copy(PyRun *I, SimId *a, int n, SimId kw)
{
    if (!no_keywords(I, "copy", kw, NULL) || !positional(I, "copy", n, 1, 1) || !self_ok(I, "copy", a[0]))
        return 0;
    SimId c = counter_new(I);
    if (!counter_init(I, c, &a[0], 1, 0)) {
        sim_decref(S, c);
        return 0;
    }
    return c;
}

static SimId m_most_common(PyRun *I, SimId *a, int n, SimId kw)
{
    if (!no_keywords(I, "most_common", kw, "n") || !positional(I, "most_common", n, 1, 2) ||
        !self_ok(I, "most_common", a[0]))
        return 0;
    return counter_most_common(I, a[0], n > 1 ? a[1] : 0);
}

/* a classmethod that raises: the class (or an instance) may come first */
static SimId m_fromkeys(PyRun *I, SimId *a, int n, SimId kw)
{
    int np = bi_npos(I, n, kw);
    if (np > 0 && (a[0] == I->counter_type || counter_is(I, a[0])))
        a++, n--, np--;
    if (!no_keywords(I, "fromkeys", kw, "v") || !positional(I, "fromkeys", np + 1, 2, 3))
        return 0;
    py_raise(I, EXC_NotImplementedError, "Counter.fromkeys() is undefined.  Use Counter(iterable) instead.");
    return 0;
}

static SimId m_refused(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)a, (void)n, (void)kw;
    return py_not_modelled(I, 0, "Counter.__reduce__ (pickling a Counter)"), (SimId)0;
}

/* Read on a Counter they bind as methods (owner dict); the registry keeps
 * them before the types' tables, out of the index of dict's own methods. */
const BuiltinDef counter_methods[] = {
    BUILTIN("most_common", SK_DICT, BM_COLLECTIONS, m_most_common, .kw = "*"),
    BUILTIN("elements", SK_DICT, BM_COLLECTIONS, counter_elements, .kw = "*"),
    BUILTIN("update", SK_DICT, BM_COLLECTIONS, m_update, .kw = "*"),
    BUILTIN("subtract", SK_DICT, BM_COLLECTIONS, m_subtract, .kw = "*"),
    BUILTIN("total", SK_DICT, BM_COLLECTIONS, m_total, .kw = "*"),
    BUILTIN("copy", SK_DICT, BM_COLLECTIONS, m_copy, .kw = "*"),
    BUILTIN("fromkeys", SK_DICT, BM_COLLECTIONS, m_fromkeys, .kw = "*"),
    BUILTIN("__reduce__", SK_DICT, BM_COLLECTIONS, m_refused, .kw = "*"),
};
const int counter_nmethods = (int)(sizeof counter_methods / sizeof counter_methods[0]);

/* ---- the class ---------------------------------------------------------------- */

SimId counter_make_type(PyRun *I)
{
    CollQuiet q;
    coll_quiet_begin(I, &q);
    SimId ns = sim_dict(S);
    bi_dict_put(I, ns, "__module__", sim_str_intern(S, "collections", 11));
    for (int i = 0; i < counter_nmethods; i++)
        bi_dict_put(I, ns, counter_methods[i].name, sim_builtin(S, (uint32_t)bi_index_of(&counter_methods[i]), 0));
    sim_incref(S, S->none); /* type_new: __eq__ without __hash__ */
    bi_dict_put(I, ns, "__hash__", S->none);
    SimId name = sim_str_intern(S, "Counter", 7);
    sim_incref(S, name);
    SimId bases = sim_tuple(S, 1);
    sim_incref(S, S->types[SK_DICT]);
    sim_tuple_set(S, bases, 0, S->types[SK_DICT]);
    SimId mro[2] = {S->types[SK_DICT], S->type_object};
    SimClassSpec spec = {.name = name, .qualname = name, .bases = bases, .dict = ns, .best = 0, .mro = mro,
                         .nmro = 2, .add_dict = true, .add_weak = true, .layout = SK_DICT};
    SimId cls = sim_class_new(S, &spec);
    coll_quiet_end(I, &q);
    I->counter_type = cls;
    return cls;
}
