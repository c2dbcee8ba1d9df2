/*
 * collections_chainmap: collections.ChainMap, which CPython writes in
 * Python (Lib/collections/__init__.py, `class ChainMap(MutableMapping)`,
 * the same in 3.11, 3.12 and 3.13), as a class of the model's whose
 * methods are built-ins (SK_INSTANCE, BM_COLLECTIONS).  Its instances are
 * plain instances of a Python class, so their size and __dict__ are any
 * class's; `maps` is a real list in that __dict__ (list(maps) or [{}]: an
 * exact list), and every method reads it again, as the Python code does.
 *
 * Lookups go through the maps in order with their own [] (a defaultdict
 * or a Counter answers for a missing key, as in CPython); __iter__ and
 * __len__ build the dict of keys Lib's code builds (the last map's keys
 * first).  new_child, parents and copy call the instance's class, so a
 * subclass's __init__ runs.  The Python frames, argument tuples and
 * exceptions the methods make and drop are not replayed: the young count
 * and the traced figures are refused after a call (chainmap_note).
 * keys(), items() and values() are Mapping's: KeysView(self) ...
 * (collections_chainview.c).  fromkeys is cls(dict.fromkeys(...)); |, |=
 * and the reflected | are Lib's (a copy, then maps[0].update).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pyrun/interp.h"
#include "pyrun/modules/collections.h"
#include "pyrun/modules/collections_chainmap_int.h"
#include "pyrun/modules/tracemalloc.h"
#include "pyrun/types/types.h"

#define S (I->sim)

void chainmap_note(PyRun *I)
{
    if (!I->gc_count_unsure)
        I->count_unsure_what = "a method of collections.ChainMap (its Python code's objects)";
    I->gc_count_unsure = true;
    tm_note_unsure(I, "a method of collections.ChainMap (its Python code's objects)");
}

/* "ChainMap.get() missing 1 required positional argument: 'key'" and the
 * like, for n arguments after self; no keywords */
static bool nargs(PyRun *I, const char *fn, int nargs_all, SimId kw, int min, int max, const char *first)
{
    int nk = kw ? (int)sim_obj(S, kw)->len : 0, n = nargs_all - nk - 1;
    if (nk) {
        size_t len;
        const char *w = sim_str_data(S, sim_items(S, kw)[0], &len);
        if (S->prof->version > SIM_V312)
            return py_not_modelled(I, 0, "a keyword argument to ChainMap.%s() (3.13's message)", fn);
        py_raise(I, EXC_TypeError, "ChainMap.%s() got an unexpected keyword argument '%.*s'", fn, (int)len, w);
        return false;
    }
    chainmap_note(I);
    if (n < min) {
        py_raise(I, EXC_TypeError, "ChainMap.%s() missing %d required positional argument%s: '%s'", fn, min - n,
                 min - n > 1 ? "s" : "", first);
        return false;
    }
    if (max >= 0 && n > max) {
        if (min == max)
            py_raise(I, EXC_TypeError, "ChainMap.%s() takes %d positional argument%s but %d were given", fn, max + 1,
                     max ? "s" : "", n + 1);
        else
            py_raise(I, EXC_TypeError, "ChainMap.%s() takes from %d to %d positional arguments but %d were given", fn,
                     min + 1, max + 1, n + 1);
        return false;
    }
    return true;
}

/* self.maps (borrowed), an exact list, or 0 raised/refused */
SimId cm_maps_of(PyRun *I, SimId self)
{
    if (sim_kind(S, self) != SK_INSTANCE)
        return py_not_modelled(I, 0, "a ChainMap method called on a %s", op_typename(I, self)), (SimId)0;
    SimId m = sim_attr_get_str(S, self, "maps");
    if (!m) {
        py_raise(I, EXC_AttributeError, "'%s' object has no attribute 'maps'", op_typename(I, self));
        return 0;
    }
    if (sim_kind(S, m) != SK_LIST || sim_is_subinst(S, m))
        return py_not_modelled(I, 0, "a ChainMap whose maps is a %s", op_typename(I, m)), (SimId)0;
    return m;
}

/* obj.name(args...), a new reference or 0 */
SimId cm_call_method(PyRun *I, SimId obj, const char *name, SimId *args, int n)
{
    SimId k = sim_str_intern(S, name, strlen(name));
    SimId f = attr_get(I, obj, k);
    sim_decref(S, k);
    if (!f)
        return 0;
    SimId r = vm_call(I, f, args, n);
    sim_decref(S, f);
    return r;
}

/* type(self)(args...) */
SimId cm_new_like(PyRun *I, SimId self, SimId *args, int n)
{
    return vm_call(I, sim_obj(S, self)->type, args, n);
}

/* ---- construction and lookup ---------------------------------------------------- */

static SimId cm_init(PyRun *I, SimId *a, int n, SimId kw)
{
    if (!nargs(I, "__init__", n, kw, 0, -1, ""))
        return 0;
    SimId maps;
    if (n > 1) { /* list(maps): room for the tuple's items, rounded up to even */
        maps = sim_list(S, 0);
        list_preallocate(I, maps, (size_t)(n - 1));
        for (int i = 1; i < n; i++) {
            sim_incref(S, a[i]);
            sim_list_append(S, maps, a[i]);
        }
    } else { /* [{}] */
        maps = sim_list(S, 1);
        SimId first = sim_dict(S); /* made before the payload is read: an allocation may move it */
        sim_items(S, maps)[0] = first;
    }
    SimId k = sim_str_intern(S, "maps", 4);
    bool ok = attr_set(I, a[0], k, maps);
    sim_decref(S, k);
    sim_decref(S, maps);
    return ok ? bi_none(I) : 0;
}

/* self[key]: the first map that has it; 0 with KeyError left raised when
 * none does (the caller decides about __missing__) */
static SimId lookup(PyRun *I, SimId maps, SimId key, bool *missing)
{
    *missing = false;
    for (uint32_t i = 0; i < sim_obj(S, maps)->len; i++) {
        SimId v = op_getitem(I, sim_items(S, maps)[i], key);
        if (v)
            return v;
        if (!py_err_matches(I, EXC_KeyError))
            return 0;
        py_err_clear(I);
    }
    *missing = true;
    return 0;
}

/* self.__missing__(key): a subclass's own, or ChainMap's KeyError(key) */
static SimId missing(PyRun *I, SimId self, SimId key)
{
    SimId m = sim_type_lookup(S, sim_obj(S, self)->type, "__missing__");
    if (m && sim_kind(S, m) == SK_FUNC) {
        SimId args[2] = {self, key};
        return vm_call(I, m, args, 2);
    }
    py_raise_key(I, EXC_KeyError, key);
    return 0;
}

static SimId cm_getitem(PyRun *I, SimId *a, int n, SimId kw)
{
    if (!nargs(I, "__getitem__", n, kw, 1, 1, "key"))
        return 0;
    SimId maps = cm_maps_of(I, a[0]);
    bool miss;
    SimId v = maps ? lookup(I, maps, a[1], &miss) : 0;
    return v || !maps || !miss ? v : missing(I, a[0], a[1]);
}

static SimId cm_missing(PyRun *I, SimId *a, int n, SimId kw)
{
    if (!nargs(I, "__missing__", n, kw, 1, 1, "key"))
        return 0;
    py_raise_key(I, EXC_KeyError, a[1]);
    return 0;
}

/* any(key in m for m in self.maps): 1, 0, -1 raised */
static int contains(PyRun *I, SimId maps, SimId key)
{
    for (uint32_t i = 0; i < sim_obj(S, maps)->len; i++) {
        int r = op_contains(I, sim_items(S, maps)[i], key);
        if (r != 0)
            return r;
    }
    return 0;
}

static SimId cm_contains(PyRun *I, SimId *a, int n, SimId kw)
{
    if (!nargs(I, "__contains__", n, kw, 1, 1, "key"))
        return 0;
    SimId maps = cm_maps_of(I, a[0]);
    int r = maps ? contains(I, maps, a[1]) : -1;
    return r < 0 ? 0 : sim_bool(S, r == 1);
}

/* self[key] if key in self else default */
static SimId cm_get(PyRun *I, SimId *a, int n, SimId kw)
{
    if (!nargs(I, "get", n, kw, 1, 2, "key"))
        return 0;
    SimId maps = cm_maps_of(I, a[0]);
    int r = maps ? contains(I, maps, a[1]) : -1;
    if (r < 0)
        return 0;
    if (r == 0) {
        SimId d = n > 2 ? a[2] : S->none;
        sim_incref(S, d);
        return d;
    }
    bool miss;
    SimId v = lookup(I, maps, a[1], &miss);
    return v || !miss ? v : missing(I, a[0], a[1]);
}

/* the dict __iter__ builds: d.update(dict.fromkeys(m)) for m in reversed(maps) */
static SimId key_dict(PyRun *I, SimId maps)
{
    SimId d = sim_dict(S);
    for (uint32_t i = sim_obj(S, maps)->len; i-- > 0;) {
        SimId keys = bi_list_from(I, sim_items(S, maps)[i]);
        if (!keys) {
            sim_decref(S, d);
            return 0;
        }
        for (uint32_t j = 0; j < sim_obj(S, keys)->len; j++)
            if (!op_setitem(I, d, sim_items(S, keys)[j], S->none)) {
                sim_decref(S, keys);
                sim_decref(S, d);
                return 0;
            }
        sim_decref(S, keys);
    }
    return d;
}

static SimId cm_iter(PyRun *I, SimId *a, int n, SimId kw)
{
    if (!nargs(I, "__iter__", n, kw, 0, 0, ""))
        return 0;
    SimId maps = cm_maps_of(I, a[0]), d = maps ? key_dict(I, maps) : 0;
    if (!d)
        return 0;
    SimId it = sim_iter(S, d); /* iter(d): the iterator holds the dict */
    sim_decref(S, d);
    return it;
}

/* len(set().union(*self.maps)): the number of distinct keys */
static SimId cm_len(PyRun *I, SimId *a, int n, SimId kw)
{
    if (!nargs(I, "__len__", n, kw, 0, 0, ""))
        return 0;
    SimId maps = cm_maps_of(I, a[0]), d = maps ? key_dict(I, maps) : 0;
    if (!d)
        return 0;
    SimId r = sim_int(S, (int64_t)sim_obj(S, d)->len);
    sim_decref(S, d);
    return r;
}

/* any(self.maps) */
static SimId cm_bool(PyRun *I, SimId *a, int n, SimId kw)
{
    if (!nargs(I, "__bool__", n, kw, 0, 0, ""))
        return 0;
    SimId maps = cm_maps_of(I, a[0]);
    if (!maps)
        return 0;
    for (uint32_t i = 0; i < sim_obj(S, maps)->len; i++) {
        int t = op_truth(I, sim_items(S, maps)[i]);
        if (t != 0)
            return t < 0 ? 0 : sim_bool(S, true);
    }
    return sim_bool(S, false);
}

/* f'{self.__class__.__name__}({", ".join(map(repr, self.maps))})' under
 * reprlib.recursive_repr: '...' for a ChainMap inside itself */
static SimId repr_running[64];
static int nrunning;

static SimId cm_repr(PyRun *I, SimId *a, int n, SimId kw)
{
    if (!nargs(I, "__repr__", n, kw, 0, 0, ""))
        return 0;
    SimId self = a[0], maps = cm_maps_of(I, self);
    if (!maps)
        return 0;
    for (int i = 0; i < nrunning; i++)
        if (repr_running[i] == self)
            return sim_str(S, "...", 3);
    if (nrunning == 64)
        return py_not_modelled(I, 0, "ChainMaps nested 64 deep in a repr()"), (SimId)0;
    repr_running[nrunning++] = self;
    Buf b = {0};
    buf_printf(&b, "%s(", sim_type_name(S, self));
    bool ok = true;
    for (uint32_t i = 0; ok && i < sim_obj(S, maps)->len; i++) {
        if (i)
            buf_adds(&b, ", ");
        ok = op_repr(I, sim_items(S, maps)[i], &b);
    }
    nrunning--;
    buf_addc(&b, ')');
    SimId r = ok ? sim_str(S, buf_str(&b), b.len) : 0;
    buf_fini(&b);
    return r;
}

/* ---- new ChainMaps ------------------------------------------------------------ */

/* type(self)(first, *maps[from:]) (first 0: none) */
static SimId remake(PyRun *I, SimId self, SimId maps, SimId first, uint32_t from)
{
    uint32_t len = sim_obj(S, maps)->len, n = (first ? 1 : 0) + (len > from ? len - from : 0);
    SimId *args = malloc((n + 1) * sizeof *args), tup = sim_tuple(S, n); /* the tuple keeps them alive */
    uint32_t k = 0;
    if (first) {
        sim_incref(S, first);
        sim_tuple_set(S, tup, k++, first);
    }
    for (uint32_t i = from; i < len; i++) {
        sim_incref(S, sim_items(S, maps)[i]);
        sim_tuple_set(S, tup, k++, sim_items(S, maps)[i]);
    }
    for (uint32_t i = 0; i < n; i++)
        args[i] = sim_items(S, tup)[i];
    SimId r = cm_new_like(I, self, args, (int)n);
    sim_decref(S, tup);
    free(args);
    return r;
}

/* new_child(self, m=None, **kwargs) */
static SimId cm_new_child(PyRun *I, SimId *a, int n, SimId kw)
{
    chainmap_note(I);
    int nk = kw ? (int)sim_obj(S, kw)->len : 0, np = n - nk - 1;
    if (np > 1) {
        py_raise(I, EXC_TypeError, "ChainMap.new_child() takes from 1 to 2 positional arguments but %d were given",
                 np + 1);
        return 0;
    }
    SimId m = np == 1 ? a[1] : 0, extra = sim_dict(S);
    for (int i = 0; i < nk; i++) {
        SimId name = sim_items(S, kw)[i];
        if (sim_str_equals(S, name, "m") && !m)
            m = a[n - nk + i];
        else if (sim_str_equals(S, name, "m")) {
            py_raise(I, EXC_TypeError, "ChainMap.new_child() got multiple values for argument 'm'");
            sim_decref(S, extra);
            return 0;
        } else {
            sim_dict_set(S, extra, (sim_incref(S, name), name), (sim_incref(S, a[n - nk + i]), a[n - nk + i]));
        }
    }
    SimId maps = cm_maps_of(I, a[0]);
    if (!maps) {
        sim_decref(S, extra);
        return 0;
    }
    if (m && sim_kind(S, m) == SK_NONE)
        m = 0;
    if (m && sim_obj(S, extra)->len) { /* m.update(kwargs) */
        SimId r = cm_call_method(I, m, "update", &extra, 1);
        if (!r) {
            sim_decref(S, extra);
            return 0;
        }
        sim_decref(S, r);
    }
    SimId r = remake(I, a[0], maps, m ? m : extra, 0);
    sim_decref(S, extra);
    return r;
}

/* the property parents: type(self)(*self.maps[1:]) */
static SimId cm_parents(PyRun *I, SimId *a, int n, SimId kw)
{
    if (!nargs(I, "parents", n, kw, 0, 0, ""))
        return 0;
    SimId maps = cm_maps_of(I, a[0]);
    return maps ? remake(I, a[0], maps, 0, 1) : 0;
}

/* self.maps[0], borrowed (IndexError for no maps) */
SimId cm_first_map(PyRun *I, SimId self)
{
    SimId maps = cm_maps_of(I, self);
    if (maps && sim_obj(S, maps)->len == 0) {
        py_raise(I, EXC_IndexError, "list index out of range");
        return 0;
    }
    return maps ? sim_items(S, maps)[0] : 0;
}

/* copy and __copy__: type(self)(self.maps[0].copy(), *self.maps[1:]) */
static SimId cm_copy(PyRun *I, SimId *a, int n, SimId kw)
{
    if (!nargs(I, "copy", n, kw, 0, 0, ""))
        return 0;
    SimId m0 = cm_first_map(I, a[0]), c = m0 ? cm_call_method(I, m0, "copy", NULL, 0) : 0;
    if (!c)
        return 0;
    SimId r = remake(I, a[0], sim_attr_get_str(S, a[0], "maps"), c, 1);
    sim_decref(S, c);
    return r;
}

/* ---- changes go to the first map ---------------------------------------------------- */

static SimId cm_setitem(PyRun *I, SimId *a, int n, SimId kw)
{
    if (!nargs(I, "__setitem__", n, kw, 2, 2, "key"))
        return 0;
    SimId m0 = cm_first_map(I, a[0]);
    return m0 && op_setitem(I, m0, a[1], a[2]) ? bi_none(I) : 0;
}

/* v is referenced by a frame of Lib's in CPython that lives on (a cycle
 * the collector ends): its count is unsure from here on */
static void held_by_lib_frame(PyRun *I, SimId v)
{
    for (uint32_t i = 0; i < I->nlib_frame_held; i++)
        if (I->lib_frame_held[i] == v)
            return;
    if (I->nlib_frame_held < sizeof I->lib_frame_held / sizeof I->lib_frame_held[0])
        I->lib_frame_held[I->nlib_frame_held++] = v;
    else
        I->lib_frame_held[0] = v; /* the oldest goes: a refusal less, never a wrong number */
}

/* KeyError(f'Key not found in the first mapping: {key!r}') for a KeyError,
 * raised inside `except KeyError:`, so its __context__ is the first map's.
 * In CPython the first one's traceback holds the method's frame, whose
 * stack holds that KeyError: a cycle that keeps self, key and it alive
 * until a collection, which the model does not replay (their counts are
 * unsure, the garbage a gc.collect() finds too). */
static SimId not_in_first(PyRun *I, SimId self, SimId key)
{
    if (!py_err_matches(I, EXC_KeyError))
        return 0;
    I->gc_garbage_unsure = true;
    I->garbage_unsure_what = "a frame of collections.ChainMap's Python code (in a cycle with a KeyError)";
    held_by_lib_frame(I, self);
    if (key)
        held_by_lib_frame(I, key);
    uint32_t depth = I->ts->nhandled;
    SimId first = exc_instance(I); /* its traceback: __delitem__'s frame, not modelled */
    sim_exc_set(S, first, SIM_EXC_SUPPRESS, sim_exc_get(S, first, SIM_EXC_SUPPRESS) | EXC_LIBRARY_TB);
    exc_handled_push(I, first);
    held_by_lib_frame(I, first);
    py_err_clear(I);
    Buf b = {0};
    bool ok = key ? op_repr(I, key, &b) : true;
    if (ok && key)
        py_raise(I, EXC_KeyError, "Key not found in the first mapping: %s", buf_str(&b));
    else if (ok)
        py_raise(I, EXC_KeyError, "No keys found in the first mapping.");
    buf_fini(&b);
    if (ok && !I->refused)
        sim_decref(S, exc_instance(I)); /* made now: chained to the handled one */
    exc_handled_pop_to(I, depth);
    return 0;
}

static SimId cm_delitem(PyRun *I, SimId *a, int n, SimId kw)
{
    if (!nargs(I, "__delitem__", n, kw, 1, 1, "key"))
        return 0;
    SimId m0 = cm_first_map(I, a[0]);
    if (!m0)
        return 0;
    return op_delitem(I, m0, a[1]) ? bi_none(I) : not_in_first(I, a[0], a[1]);
}

static SimId cm_pop(PyRun *I, SimId *a, int n, SimId kw)
{
    if (!nargs(I, "pop", n, kw, 1, -1, "key"))
        return 0;
    SimId m0 = cm_first_map(I, a[0]), r = m0 ? cm_call_method(I, m0, "pop", a + 1, n - 1) : 0;
    return r || !m0 ? r : not_in_first(I, a[0], a[1]);
}

static SimId cm_popitem(PyRun *I, SimId *a, int n, SimId kw)
{
    if (!nargs(I, "popitem", n, kw, 0, 0, ""))
        return 0;
    SimId m0 = cm_first_map(I, a[0]), r = m0 ? cm_call_method(I, m0, "popitem", NULL, 0) : 0;
    return r || !m0 ? r : not_in_first(I, a[0], 0);
}

static SimId cm_clear(PyRun *I, SimId *a, int n, SimId kw)
{
    if (!nargs(I, "clear", n, kw, 0, 0, ""))
        return 0;
    SimId m0 = cm_first_map(I, a[0]);
    return m0 ? cm_call_method(I, m0, "clear", NULL, 0) : 0;
}

/* self[key] = value, through the instance's own __setitem__ */
static bool store(PyRun *I, SimId self, SimId key, SimId value)
{
    SimId m0 = cm_first_map(I, self);
    return m0 && op_setitem(I, m0, key, value);
}

/* a Mapping the model can walk: a dict of any kind, or a ChainMap */
bool cm_walkable(PyRun *I, SimId m)
{
    return sim_kind(S, m) == SK_DICT || (sim_kind(S, m) == SK_INSTANCE && I->chainmap_type &&
                                         sim_is_subtype(S, sim_obj(S, m)->type, I->chainmap_type));
}

/* MutableMapping.update(self, other=(), /, **kwds) */
static SimId cm_update(PyRun *I, SimId *a, int n, SimId kw)
{
    chainmap_note(I);
    int nk = kw ? (int)sim_obj(S, kw)->len : 0, np = n - nk - 1;
    if (np > 1) {
        py_raise(I, EXC_TypeError, "MutableMapping.update() takes from 1 to 2 positional arguments but %d were given",
                 np + 1);
        return 0;
    }
    if (np == 1 && !cm_walkable(I, a[1]))
        return py_not_modelled(I, 0, "ChainMap.update() from a %s", op_typename(I, a[1])), (SimId)0;
    if (np == 1) {
        SimId keys = bi_list_from(I, a[1]);
        for (uint32_t i = 0; keys && i < sim_obj(S, keys)->len; i++) {
            SimId k = sim_items(S, keys)[i], v = op_getitem(I, a[1], k);
            bool ok = v && store(I, a[0], k, v);
            sim_xdecref(S, v);
            if (!ok) {
                sim_decref(S, keys);
                return 0;
            }
        }
        if (!keys)
            return 0;
        sim_decref(S, keys);
    }
    for (int i = 0; i < nk; i++)
        if (!store(I, a[0], sim_items(S, kw)[i], a[n - nk + i]))
            return 0;
    return bi_none(I);
}

/* MutableMapping.setdefault(self, key, default=None) */
static SimId cm_setdefault(PyRun *I, SimId *a, int n, SimId kw)
{
    if (!nargs(I, "setdefault", n, kw, 1, 2, "key"))
        return 0;
    SimId maps = cm_maps_of(I, a[0]);
    bool miss;
    SimId v = maps ? lookup(I, maps, a[1], &miss) : 0;
    if (v || !maps || !miss)
        return v;
    py_err_clear(I);
    SimId d = n > 2 ? a[2] : S->none;
    if (!store(I, a[0], a[1], d))
        return 0;
    sim_incref(S, d);
    return d;
}

/* ---- comparison ------------------------------------------------------------------ */

/* dict(m.items()) for a cm_walkable mapping, a new dict or 0 */
SimId cm_as_dict(PyRun *I, SimId m)
{
    SimId keys = bi_list_from(I, m), d = keys ? sim_dict(S) : 0;
    for (uint32_t i = 0; keys && i < sim_obj(S, keys)->len; i++) {
        SimId k = sim_items(S, keys)[i], v = op_getitem(I, m, k);
        if (!v || !op_setitem(I, d, k, v)) {
            sim_xdecref(S, v);
            sim_decref(S, d);
            d = 0;
            break;
        }
        sim_decref(S, v);
    }
    sim_xdecref(S, keys);
    return d;
}

/* Mapping.__eq__: dict(self.items()) == dict(other.items()), NotImplemented
 * for what is not a Mapping; __ne__ is object's, its negation */
static SimId compare(PyRun *I, SimId *a, int n, SimId kw, bool eq)
{
    if (!nargs(I, eq ? "__eq__" : "__ne__", n, kw, 1, 1, "other"))
        return 0;
    if (!cm_walkable(I, a[1])) {
        if (sim_kind(S, a[1]) == SK_INSTANCE && !sim_is_subinst(S, a[1]) && !sim_is_native(S, a[1]))
            return py_not_modelled(I, 0, "a ChainMap compared with an instance of a class (collections.abc.Mapping's "
                                         "registrations)"), (SimId)0;
        sim_incref(S, S->notimpl);
        return S->notimpl;
    }
    SimId x = cm_as_dict(I, a[0]), y = x ? cm_as_dict(I, a[1]) : 0;
    int r = y ? op_equal(I, x, y) : -1;
    sim_xdecref(S, x);
    sim_xdecref(S, y);
    return r < 0 ? 0 : sim_bool(S, eq ? r == 1 : r == 0);
}

static SimId cm_eq(PyRun *I, SimId *a, int n, SimId kw) { return compare(I, a, n, kw, true); }
static SimId cm_ne(PyRun *I, SimId *a, int n, SimId kw) { return compare(I, a, n, kw, false); }

/* Mapping.keys(self): KeysView(self), and items(), values() */
static SimId view(PyRun *I, SimId *a, int n, SimId kw, const char *fn, int kind)
{
    chainmap_note(I);
    if (n != 1 || kw) /* Mapping.keys()'s messages */
        return py_not_modelled(I, 0, "arguments to ChainMap.%s()", fn), (SimId)0;
    return chainview_new(I, a[0], kind);
}

static SimId cm_keys(PyRun *I, SimId *a, int n, SimId kw) { return view(I, a, n, kw, "keys", 0); }
static SimId cm_items(PyRun *I, SimId *a, int n, SimId kw) { return view(I, a, n, kw, "items", 1); }
static SimId cm_values(PyRun *I, SimId *a, int n, SimId kw) { return view(I, a, n, kw, "values", 2); }

/* ---- the class ------------------------------------------------------------------------ */

#define M(nm, f) BUILTIN("ChainMap." nm, SK_INSTANCE, BM_COLLECTIONS, f, .kw = "*")

const BuiltinDef chainmap_methods[] = {
    M("__init__", cm_init), M("__missing__", cm_missing), M("__getitem__", cm_getitem), M("get", cm_get),
    M("__len__", cm_len), M("__iter__", cm_iter), M("__contains__", cm_contains), M("__bool__", cm_bool),
    M("__repr__", cm_repr), M("copy", cm_copy), M("__copy__", cm_copy), M("new_child", cm_new_child),
    M("__setitem__", cm_setitem), M("__delitem__", cm_delitem), M("popitem", cm_popitem), M("pop", cm_pop),
    M("clear", cm_clear), M("update", cm_update), M("setdefault", cm_setdefault), M("__eq__", cm_eq),
    M("__ne__", cm_ne), M("keys", cm_keys), M("items", cm_items), M("values", cm_values), M("fromkeys", cm_fromkeys), M("__or__", cm_or), M("__ror__", cm_ror),
    M("__ior__", cm_ior), M("parents", cm_parents),
};
const int chainmap_nmethods = (int)(sizeof chainmap_methods / sizeof chainmap_methods[0]);

SimId chainmap_make_type(PyRun *I)
{
    SimId ns = sim_dict(S);
    bi_dict_put(I, ns, "__module__", sim_str_intern(S, "collections", 11));
    bi_dict_put(I, ns, "__qualname__", sim_str_intern(S, "ChainMap", 8));
    int base = bi_index_of(chainmap_methods);
    for (int i = 0; i < chainmap_nmethods; i++) {
        const char *mn = chainmap_methods[i].name + 9;
        SimId f = sim_builtin(S, (uint32_t)(base + i), 0);
        if (strcmp(mn, "fromkeys") == 0)
            f = sim_method_descr(S, SK_CLASSMETHOD, f, 0);
        bi_dict_put(I, ns, mn, strcmp(mn, "parents") == 0 ? sim_property(S, f, 0, 0, 0) : f);
    }
    sim_incref(S, S->none); /* Mapping's: unhashable, not reversible */
    bi_dict_put(I, ns, "__hash__", S->none);
    sim_incref(S, S->none);
    bi_dict_put(I, ns, "__reversed__", S->none);
    SimId name = sim_str_intern(S, "ChainMap", 8), bases = sim_tuple(S, 0);
    SimId cls = class_build(I, name, ns, bases);
    sim_decref(S, bases);
    sim_decref(S, name);
    sim_decref(S, ns);
    if (cls)
        sim_items(S, cls)[SIM_TY_FLAGS] |= SIM_TYF_NATIVE;
    I->chainmap_type = cls;
    return cls;
}
