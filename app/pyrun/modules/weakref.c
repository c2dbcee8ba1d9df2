/*
 * weakref: the weakref module — ref (the type) with callbacks, proxy,
 * getweakrefcount, getweakrefs, calling a reference, and the module's
 * Python classes (WeakValueDictionary, WeakKeyDictionary, WeakSet,
 * finalize), which it makes at its import with built-in methods
 * (weakref_dict.c, weakref_set.c).  Importing it runs weakref.py in
 * CPython: its traffic in the young generation is added as measured.
 */
#include <string.h>

#include "pyrun/modules/std_import.h"
#include "pyrun/modules/weakref_int.h"
#include "pyrun/types/types.h"
#include "sim/gc.h"

#define S (I->sim)

bool wr_cannot(PyRun *I, SimId obj)
{
    SimKind k = sim_kind(S, obj);
    bool unmodelled = false;
    if (k == SK_BUILTIN && sim_obj(S, obj)->sub != SIM_BUILTIN_WRAPPER &&
        !SIM_V(S, obj, SK_BUILTIN, builtin.self)) { /* len: a module's function (its self is the module) */
        const BuiltinDef *d = bi_def(SIM_V(S, obj, SK_BUILTIN, builtin.index));
        unmodelled = !d || !d->owner; /* str.upper: a method descriptor, no weak references */
    } else if (k == SK_INSTANCE && sim_obj(S, obj)->sub == SIM_INST_PLAIN) {
        /* functools.partial: a native class's instance; a program's class without
         * __weakref__ (its __slots__) is CPython's TypeError */
        unmodelled = !(sim_type_word(S, sim_obj(S, obj)->type, SIM_TY_FLAGS) & SIM_TYF_HEAP);
    }
    switch (sim_xtype_of(S, obj)) { /* the model's native objects whose CPython type has a weakref slot */
    case SIM_XT_FT_PARTIAL: case SIM_XT_FT_LRU_WRAPPER: case SIM_XT_WR_GEN: case SIM_XT_WR_GEN_ITEMS:
    case SIM_XT_CM_GEN_KEYS: case SIM_XT_CM_GEN_ITEMS: case SIM_XT_CM_GEN_VALUES: case SIM_XT_ENUM_GEN:
    case SIM_XT_CL_HELPER: case SIM_XT_CL_GENCM: case SIM_XT_CL_SUPPRESS: case SIM_XT_CL_CLOSING:
    case SIM_XT_CL_NULLCONTEXT: case SIM_XT_CL_EXITSTACK: case SIM_XT_CL_REDIRECT_OUT:
    case SIM_XT_CL_REDIRECT_ERR: case SIM_XT_CL_CBWRAP: case SIM_XT_IO_BYTESIO: case SIM_XT_IO_TEXT:
    case SIM_XT_IO_MEMVIEW: case SIM_XT_MAIN_LOADER: case SIM_XT_STR_TEMPLATE: case SIM_XT_TM_SNAPSHOT:
        unmodelled = true;
        break;
    default:
        break;
    }
    if (unmodelled)
        return py_not_modelled(I, 0, "a weak reference to a '%s' object", op_typename(I, obj));
    py_raise(I, EXC_TypeError, "cannot create weak reference to '%s' object", op_typename(I, obj));
    return false;
}

/* weakref.ref is the type weakref.ReferenceType: calling it makes one */
SimId weakref_construct(PyRun *I, SimId *a, int n, SimId kw)
{
    bi_args_tuple(I, n);
    if (kw) {
        py_raise(I, EXC_TypeError, "ref() takes no keyword arguments");
        return 0;
    }
    int np = n;
    if (!bi_nargs(I, "__new__", np, 1, 2))
        return 0;
    SimId cb = np == 2 ? a[1] : 0;
    if (cb && sim_kind(S, cb) == SK_NONE)
        cb = 0;
    SimId r = sim_weakref(S, a[0], cb);
    if (!r)
        wr_cannot(I, a[0]);
    return r;
}

static SimId w_getweakrefcount(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "getweakrefcount", n, 1, 1))
        return 0;
    int64_t c = 0;
    for (SimId w = sim_obj(S, a[0])->weaklist; w; w = sim_obj(S, w)->len)
        c++;
    return sim_int(S, c);
}

/* getweakrefs: a list of the object's references, in the list's order */
static SimId w_getweakrefs(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "getweakrefs", n, 1, 1))
        return 0;
    size_t c = 0;
    for (SimId w = sim_obj(S, a[0])->weaklist; w; w = sim_obj(S, w)->len)
        c++;
    SimId l = sim_list(S, c);
    size_t i = 0;
    for (SimId w = sim_obj(S, a[0])->weaklist; w; w = sim_obj(S, w)->len) {
        sim_incref(S, w);
        sim_items(S, l)[i++] = w;
    }
    return l;
}

/* proxy(obj[, callback]): a callable proxy when obj is callable */
static SimId w_proxy(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "proxy", n, 1, 2))
        return 0;
    SimId cb = n == 2 && sim_kind(S, a[1]) != SK_NONE ? a[1] : 0;
    SimKind k = sim_kind(S, a[0]);
    bool callable = k == SK_FUNC || k == SK_METHOD || k == SK_BUILTIN || k == SK_TYPE ||
                    (k == SK_INSTANCE && sim_type_lookup(S, sim_obj(S, a[0])->type, "__call__"));
    SimId r = sim__weakref_new(S, a[0], cb, callable ? SIM_WR_CALLABLE_PROXY : SIM_WR_PROXY, 0);
    if (!r)
        wr_cannot(I, a[0]);
    return r;
}

SimId weakref_call(PyRun *I, SimId wr)
{
    SimId o = SIM_V(S, wr, SK_WEAKREF, weakref.obj);
    if (!o)
        o = S->none;
    sim_incref(S, o);
    return o;
}

/* ---- the native classes ------------------------------------------------------ */

#define M(nm, f) BUILTIN(nm, SK_INSTANCE, BM_WEAKREF, f, .kw = "*")

const BuiltinDef weakref_functions[] = {
    BUILTIN("getweakrefcount", 0, BM_WEAKREF, w_getweakrefcount, .style = ARGS_ONE),
    BUILTIN("getweakrefs", 0, BM_WEAKREF, w_getweakrefs, .style = ARGS_ONE),
    BUILTIN("proxy", 0, BM_WEAKREF, w_proxy, .style = ARGS_RANGE, .min = 1, .max = 2),
    M("WeakValueDictionary.__init__", wvd_init),
    M("WeakValueDictionary.__init__.<locals>.remove", wvd_remove),
    M("WeakValueDictionary.__getitem__", wvd_getitem),
    M("WeakValueDictionary.__setitem__", wvd_setitem),
    M("WeakValueDictionary.__delitem__", wvd_delitem),
    M("WeakValueDictionary.__contains__", wvd_contains),
    M("WeakValueDictionary.__len__", wvd_len),
    M("WeakValueDictionary.__iter__", wc_keys),
    M("WeakValueDictionary.__repr__", wvd_repr),
    M("WeakValueDictionary.get", wvd_get),
    M("WeakValueDictionary.pop", wvd_pop),
    M("WeakValueDictionary.setdefault", wvd_setdefault),
    M("WeakValueDictionary.update", wvd_update),
    M("WeakValueDictionary.keys", wc_keys),
    M("WeakValueDictionary.values", wc_values),
    M("WeakValueDictionary.items", wc_items),
    M("WeakValueDictionary.__eq__", wc_compare),
    M("WeakValueDictionary.__ne__", wc_compare),
    M("WeakKeyDictionary.__init__", wkd_init),
    M("WeakKeyDictionary.__init__.<locals>.remove", wkd_remove),
    M("WeakKeyDictionary.__getitem__", wkd_getitem),
    M("WeakKeyDictionary.__setitem__", wkd_setitem),
    M("WeakKeyDictionary.__delitem__", wkd_delitem),
    M("WeakKeyDictionary.__contains__", wkd_contains),
    M("WeakKeyDictionary.__len__", wkd_len),
    M("WeakKeyDictionary.__iter__", wc_keys),
    M("WeakKeyDictionary.__repr__", wvd_repr),
    M("WeakKeyDictionary.get", wkd_get),
    M("WeakKeyDictionary.pop", wkd_pop),
    M("WeakKeyDictionary.update", wkd_update),
    M("WeakKeyDictionary.setdefault", wkd_setdefault),
    M("WeakKeyDictionary.keys", wc_keys),
    M("WeakKeyDictionary.values", wc_values),
    M("WeakKeyDictionary.items", wc_items),
    M("WeakKeyDictionary.__eq__", wc_compare),
    M("WeakKeyDictionary.__ne__", wc_compare),
    M("WeakSet.__init__", ws_init),
    M("WeakSet.__init__.<locals>._remove", ws_remove_cb),
    M("WeakSet.add", ws_add),
    M("WeakSet.discard", ws_discard),
    M("WeakSet.remove", ws_remove),
    M("WeakSet.__contains__", ws_contains),
    M("WeakSet.__len__", ws_len),
    M("WeakSet.__iter__", ws_iter),
    M("WeakSet.__repr__", ws_repr),
    M("WeakSet.__eq__", wc_compare),
    M("WeakSet.__ne__", wc_compare),
    M("WeakSet.__lt__", wc_compare),
    M("WeakSet.__le__", wc_compare),
    M("WeakSet.__gt__", wc_compare),
    M("WeakSet.__ge__", wc_compare),
    M("finalize.__init__", fin_init),
    M("finalize.__call__", fin_call),
    M("finalize.detach", fin_detach),
    M("finalize.peek", fin_peek),
    M("finalize.__repr__", fin_repr),
};
const int weakref_nfunctions = (int)(sizeof weakref_functions / sizeof weakref_functions[0]);

static const struct NativeClass {
    const char *name, *module;
    bool slots; /* __slots__ = (): no __dict__, no __weakref__ */
} native_classes[] = {
    {"WeakValueDictionary", "weakref", false},
    {"WeakKeyDictionary", "weakref", false},
    {"WeakSet", "_weakrefset", false},
    {"finalize", "weakref", true},
};

static int def_index(const char *name)
{
    int first = bi_index_of(weakref_functions);
    for (int i = 0; i < weakref_nfunctions; i++)
        if (strcmp(weakref_functions[i].name, name) == 0)
            return first + i;
    return -1;
}

/* the class `name` with its methods (the defs "name.method") in its dict */
static SimId make_class(PyRun *I, const struct NativeClass *c)
{
    SimId ns = sim_dict(S);
    size_t len = strlen(c->name);
    bi_dict_put(I, ns, "__module__", sim_str_intern(S, c->module, strlen(c->module)));
    bi_dict_put(I, ns, "__qualname__", sim_str_intern(S, c->name, len));
    for (int i = 0; i < weakref_nfunctions; i++) {
        const char *dn = weakref_functions[i].name;
        if (strncmp(dn, c->name, len) != 0 || dn[len] != '.' || strchr(dn + len + 1, '.'))
            continue;
        bi_dict_put(I, ns, dn + len + 1, sim_builtin(S, (uint32_t)def_index(dn), 0));
    }
    if (c->slots)
        bi_dict_put(I, ns, "__slots__", sim_tuple(S, 0));
    if (strcmp(c->name, "finalize") != 0) { /* Mapping and Set define __eq__: unhashable */
        sim_incref(S, S->none);
        bi_dict_put(I, ns, "__hash__", S->none);
    }
    SimId name = sim_str_intern(S, c->name, len);
    SimId bases = sim_tuple(S, 0);
    SimId cls = class_build(I, name, ns, bases);
    sim_decref(S, bases);
    sim_decref(S, name);
    sim_decref(S, ns);
    if (cls)
        sim_items(S, cls)[SIM_TY_FLAGS] |= SIM_TYF_NATIVE;
    return cls;
}

void weakref_module_init(PyRun *I, SimId d)
{
    /* the import's free-list hits are known from empty free lists only (a
     * gc.collect() before it); checked before the model makes its classes */
    bool empty = S->fl_list.n == 0 && S->fl_dict.n == 0;
    for (unsigned k = 1; k < SIM_TUPLE_MAXSAVE; k++)
        empty = empty && S->fl_tuple[k].n == 0;
    if (!empty)
        I->gc_count_unsure = true;
    sim_incref(S, S->types[SK_WEAKREF]);
    bi_dict_put(I, d, "ReferenceType", S->types[SK_WEAKREF]);
    sim_incref(S, S->types[SK_WEAKREF]);
    bi_dict_put(I, d, "ref", S->types[SK_WEAKREF]);
    sim_incref(S, S->xtypes[SIM_XT_WR_PROXY]);
    bi_dict_put(I, d, "ProxyType", S->xtypes[SIM_XT_WR_PROXY]);
    sim_incref(S, S->xtypes[SIM_XT_WR_CALLABLE_PROXY]);
    bi_dict_put(I, d, "CallableProxyType", S->xtypes[SIM_XT_WR_CALLABLE_PROXY]);
    for (size_t i = 0; i < sizeof native_classes / sizeof native_classes[0]; i++) {
        SimId cls = make_class(I, &native_classes[i]);
        if (cls)
            bi_dict_put(I, d, native_classes[i].name, cls);
    }
    fin_add_properties(I, sim_dict_get_str(S, d, "finalize"));
}

/* What `import weakref` does in CPython beyond what the model holds: it
 * runs weakref.py and _weakrefset.py (and imports itertools, types and
 * _collections_abc), whose objects move the young count (measured after a
 * gc.collect(): 3.11.7 (614, 1, 0), 3.12.1 (659, 1, 0), 3.13.0 (1632, 0,
 * 0)) and make 7 objects of cyclic garbage about 370 allocations in: a
 * collection inside the import after that point takes them (3.11, 3.12
 * from any count), one before it leaves them to the next (measured by
 * starting the import from counts 0..1900; oracle 630).  Replayed at those
 * places, the automatic collections fall where CPython's do from any start
 * count, which the re-runs of gc_timing.c vary.  After another standard
 * import that shares its modules the replay is not CPython's: the count
 * and the next collection's result are refused. */
void weakref_on_import(PyRun *I)
{
    if (I->std_imported & STD_BIT(STD_WEAKREF)) /* `import copy` imported it */
        return;
    static const unsigned traffic[] = {701 + 614, 701 + 659, 1632};
    static const unsigned survivors[] = {884, 955, 962}; /* len(gc.get_objects()) after */
    enum { GARBAGE = 7, GARBAGE_AT = 370 };
    int v = S->prof->version == SIM_V311 ? 0 : S->prof->version == SIM_V312 ? 1 : 2;
    bool clean = !I->std_imported && !I->foreign_heap && std_freelists_empty(I);
    if (I->std_imported || I->foreign_heap) { /* its modules partly there already */
        I->gc_count_unsure = true;
        I->gc_garbage_unsure = true;
    }
    I->foreign_heap = "import weakref";
    I->std_imported |= STD_BIT(STD_WEAKREF) | STD_BIT(STD_ITERTOOLS);
    for (unsigned i = 0; i < traffic[v]; i++) {
        if (i == GARBAGE_AT)
            S->gc.foreign_garbage += GARBAGE;
        gc_note_foreign(S, 1, 0);
        if (S->gc.scheduled) /* weakref.py's own eval breaker runs it */
            vm_eval_breaker(I);
    }
    S->gc.startup_tracked += survivors[v];
    std_import_stock(I, STD_WEAKREF, clean);
    if (S->gc.foreign_garbage)
        I->import_garbage_left = true;
}

/* A method of these classes runs Python code in CPython (weakref.py):
 * its temporaries (argument tuples, bound methods, super objects, the
 * KeyedRef's own construction) go to CPython's free lists, so the young
 * count after it depends on their stock: right after a gc.collect() one
 * `d[k] = v` moves it by 9 on 3.11.7, by 1 when the stock is there; the
 * first WeakValueDictionary by 5 more than the next, the first finalize by
 * 15 (3.11) or 17 more (it registers finalize's exit function).  The model
 * keeps the steady figures and refuses gc.get_count() until the next full
 * collection.  Removal callbacks run no such code (C's
 * _remove_dead_weakref for the most part). */
void weakref_first_call(PyRun *I, const BuiltinDef *d)
{
    int i = (int)(d - weakref_functions);
    if (strstr(d->name, "<locals>"))
        return;
    if (!I->gc_count_unsure)
        I->count_unsure_what = d->name;
    I->gc_count_unsure = true;
    _Static_assert(sizeof weakref_functions / sizeof weakref_functions[0] <= 64, "weakref_called has 64 bits");
    if (i < 0 || i >= 64 || (I->weakref_called & ((uint64_t)1 << i)))
        return;
    I->weakref_called |= (uint64_t)1 << i;
    unsigned extra = 0; /* the first call's own objects, kept by CPython */
    if (d->fn == fin_init)
        extra = S->prof->version == SIM_V311 ? 15 : 17;
    else if (d->fn == wvd_init)
        extra = 5;
    for (unsigned k = 0; k < extra; k++)
        gc_note_foreign(S, 1, 1);
}

bool weakref_made_unsure(const PyRun *I)
{
    for (int i = 0; I->count_unsure_what && i < weakref_nfunctions; i++)
        if (I->count_unsure_what == weakref_functions[i].name)
            return true;
    return false;
}

/* ---- helpers for the classes ------------------------------------------------- */

SimId wr_class(PyRun *I, const char *name)
{
    SimId m = module_find_loaded(I, "weakref");
    return m ? sim_dict_get_str(S, sim_obj(S, m)->v.module.dict, name) : 0;
}

bool wr_is(PyRun *I, SimId obj, const char *name)
{
    if (sim_kind(S, obj) != SK_INSTANCE)
        return false;
    SimId c = wr_class(I, name);
    return c && sim_is_subtype(S, sim_obj(S, obj)->type, c);
}

SimId wr_attr(PyRun *I, SimId inst, const char *name)
{
    SimId k = sim_str_intern(S, name, strlen(name));
    SimId v = sim_attr_get(S, inst, k);
    sim_decref(S, k);
    return v;
}

void wr_set_attr(PyRun *I, SimId inst, const char *name, SimId v)
{
    SimId k = sim_str_intern(S, name, strlen(name));
    sim_attr_set(S, inst, k, v); /* the name is borrowed */
    sim_decref(S, k);
}

bool wr_nargs(PyRun *I, const char *qual, int n, int min, int max, const char *first)
{
    if (n < min) {
        py_raise(I, EXC_TypeError, "%s() missing %d required positional argument%s: '%s'", qual, min - n,
                 min - n > 1 ? "s" : "", first);
        return false;
    }
    if (max >= 0 && n > max) {
        if (min == max)
            py_raise(I, EXC_TypeError, "%s() takes %d positional argument%s but %d were given", qual, max + 1,
                     max ? "s" : "", n + 1);
        else
            py_raise(I, EXC_TypeError, "%s() takes from %d to %d positional arguments but %d were given", qual,
                     min + 1, max + 1, n + 1);
        return false;
    }
    return true;
}

SimId wr_remover(PyRun *I, SimId self, const char *def_name, int ndefaults)
{
    SimId selfref = sim_weakref(S, self, 0);
    SimId defaults = sim_tuple(S, (size_t)ndefaults);
    sim_tuple_set(S, defaults, 0, selfref);
    for (int i = 1; i < ndefaults; i++) {
        sim_incref(S, S->none);
        sim_tuple_set(S, defaults, (size_t)i, S->none);
    }
    SimId fn = sim_builtin(S, (uint32_t)def_index(def_name), defaults);
    return fn;
}

SimId wr_remover_owner(PyRun *I, SimId defaults)
{
    if (sim_kind(S, defaults) != SK_TUPLE || sim_obj(S, defaults)->len == 0)
        return 0;
    SimId selfref = sim_items(S, defaults)[0];
    return sim_kind(S, selfref) == SK_WEAKREF ? SIM_V(S, selfref, SK_WEAKREF, weakref.obj) : 0;
}

void wr_guard(PyRun *I, SimId inst)
{
    SimId it = wr_attr(I, inst, "_iterating");
    if (it)
        sim_set_add(S, it, sim_int(S, (int64_t)sim_obj(S, it)->len)); /* one mark per walk */
}

void wr_unguard(PyRun *I, SimId inst)
{
    SimId it = wr_attr(I, inst, "_iterating");
    if (!it || sim_obj(S, it)->len == 0)
        return;
    SimId mark = sim_int(S, (int64_t)sim_obj(S, it)->len - 1);
    sim_set_discard(S, it, mark);
    sim_decref(S, mark);
    if (sim_obj(S, it)->len > 0)
        return;
    /* _commit_removals: the callbacks that ran during the walk */
    SimId pending = wr_attr(I, inst, "_pending_removals");
    SimId data = wr_attr(I, inst, "data");
    while (pending && data && sim_obj(S, pending)->len > 0) {
        SimId wr = sim_list_pop(S, pending, sim_obj(S, pending)->len - 1);
        if (sim_kind(S, wr) == SK_WEAKREF && sim_obj(S, wr)->sub == SIM_WR_KEYED) {
            SimId key = sim_items(S, wr)[0];
            if (sim_dict_get(S, data, key) == wr) /* _remove_dead_weakref */
                sim_dict_del(S, data, key);
        } else if (sim_kind(S, data) == SK_SET) {
            sim_set_discard(S, data, wr);
        } else {
            sim_dict_del(S, data, wr);
        }
        sim_decref(S, wr);
    }
}

/* ---- the generators of the containers ------------------------------------------- */

enum { GEN_OWNER, GEN_NREFS };
enum { GEN_POS, GEN_MODE, GEN_NINTS };

SimId wr_gen_new(PyRun *I, SimId inst, int mode)
{
    SimId g = sim_iter_composite(S, mode == 2 ? SIM_XT_WR_GEN_ITEMS : SIM_XT_WR_GEN, GEN_NREFS, GEN_NINTS, 0, true);
    if (sim_nomem(S))
        return g;
    sim_incref(S, inst);
    sim_iter_refs(S, g)[GEN_OWNER] = inst;
    sim_iter_set_int(S, g, GEN_MODE, mode);
    return g;
}

/* the referent a data entry stands for: a dict's value ref, a set's or a
 * key dict's key ref */
static SimId entry_ref(PyRun *I, SimId data, SimId k, SimId v)
{
    (void)I, (void)data;
    return v && sim_kind(S, v) == SK_WEAKREF && sim_obj(S, v)->sub == SIM_WR_KEYED ? v : k;
}

SimId weakref_gen_next(PyRun *I, SimId it)
{
    SimId owner = sim_iter_refs(S, it)[GEN_OWNER];
    if (!owner)
        return 0;
    SimId data = wr_attr(I, owner, "data");
    int mode = (int)sim_iter_int(S, it, GEN_MODE);
    uint32_t pos = (uint32_t)sim_iter_int(S, it, GEN_POS);
    SimId k = 0, v = 0;
    bool is_set = data && sim_kind(S, data) == SK_SET;
    for (;;) {
        if (!data) {
            k = 0;
            break;
        }
        if (is_set) {
            k = 0;
            while (pos < sim_obj(S, data)->v.set.slots && !(k = sim_items(S, data)[pos]))
                pos++;
            if (k)
                pos++;
            v = 0;
        } else if (!sim_dict_next(S, data, &pos, &k, &v)) {
            k = 0;
        }
        if (!k)
            break;
        SimId ref = entry_ref(I, data, k, v);
        if (sim_kind(S, ref) == SK_WEAKREF && SIM_V(S, ref, SK_WEAKREF, weakref.obj))
            break;
    }
    sim_iter_set_int(S, it, GEN_POS, pos);
    if (!k) { /* exhausted: the generator's frame lets its container go */
        sim_iter_refs(S, it)[GEN_OWNER] = 0;
        sim_decref(S, owner);
        return 0;
    }
    SimId ref = entry_ref(I, data, k, v);
    SimId obj = SIM_V(S, ref, SK_WEAKREF, weakref.obj);
    SimId key = ref == v ? k : obj, value = ref == v ? obj : v;
    if (is_set)
        key = obj;
    SimId out = mode == 0 ? key : value;
    if (mode == 2) {
        SimId t = sim_tuple(S, 2);
        sim_incref(S, key);
        sim_incref(S, value);
        sim_tuple_set(S, t, 0, key);
        sim_tuple_set(S, t, 1, value);
        return t;
    }
    sim_incref(S, out);
    return out;
}

/* Mapping.__eq__ and Set's comparisons compare contents in CPython */
SimId wc_compare(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw, (void)n;
    return py_not_modelled(I, 0, "comparing a weakref.%s", sim_type_name(S, a[0])), (SimId)0;
}

SimId wc_keys(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    return wr_nargs(I, "keys", n - 1, 0, 0, "") ? wr_gen_new(I, a[0], 0) : 0;
}

SimId wc_values(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    return wr_nargs(I, "values", n - 1, 0, 0, "") ? wr_gen_new(I, a[0], 1) : 0;
}

SimId wc_items(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    return wr_nargs(I, "items", n - 1, 0, 0, "") ? wr_gen_new(I, a[0], 2) : 0;
}
