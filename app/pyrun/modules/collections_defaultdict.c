/*
 * collections_defaultdict: collections.defaultdict as Modules/_collectionsmodule.c
 * has it — a dict with one more field, default_factory (tp_basicsize 56:
 * sys.getsizeof(defaultdict()) is 72), whose __missing__ calls the factory
 * and stores what it gives.  Its instances are the model's instances of a
 * subclass of dict (sim/subinst.c) whose class is this type; the factory
 * sits where such an instance keeps its __dict__ (SimObj.ext: owned,
 * visited and dropped as defdict_traverse and defdict_dealloc do), as a
 * defaultdict has none.  The type is made when collections is imported,
 * without moving the collector's counts or the free lists: std_import.c
 * replays what CPython's import costs, the type's own objects included.
 */
#include <string.h>

#include "pyrun/interp.h"
#include "pyrun/modules/collections.h"
#include "pyrun/types/types.h"
#include "pyrun/types/native.h"
#include "sim/gc.h"

#define S (I->sim)

/* callable(f), as builtin_callable answers it */
static bool callable_obj(PyRun *I, SimId f)
{
    SimKind k = sim_kind(S, f);
    if (k == SK_INSTANCE)
        return sim_type_lookup(S, sim_obj(S, f)->type, "__call__") != 0;
    return k == SK_FUNC || k == SK_METHOD || k == SK_BUILTIN || k == SK_TYPE || k == SK_WEAKREF ||
           k == SK_STATICMETHOD || native_callable(I, f);
}

bool defaultdict_is(PyRun *I, SimId obj)
{
    return I->defaultdict_type && sim_is_subinst(S, obj) && sim_obj(S, obj)->type == I->defaultdict_type;
}

/* ---- the type, made quietly ---------------------------------------------------- */

void coll_quiet_begin(PyRun *I, CollQuiet *q)
{
    q->count = S->gc.gen[0].count;
    q->collecting = S->gc.collecting;
    q->tracked = S->tracked_count;
    q->lists = S->fl_list.n, q->dicts = S->fl_dict.n;
    for (unsigned k = 0; k < SIM_TUPLE_MAXSAVE; k++)
        q->tuples[k] = S->fl_tuple[k].n;
    S->gc.collecting = true; /* no automatic collection meanwhile */
}

/* blocks parked on a free list since q: given back to pymalloc */
static void unpark(PyRun *I, SimFreeList *fl, uint32_t n)
{
    while (fl->n > n)
        pm_free(&S->pm, fl->blocks[--fl->n]);
}

void coll_quiet_end(PyRun *I, CollQuiet *q)
{
    unpark(I, &S->fl_list, q->lists);
    unpark(I, &S->fl_dict, q->dicts);
    for (unsigned k = 0; k < SIM_TUPLE_MAXSAVE; k++)
        unpark(I, &S->fl_tuple[k], q->tuples[k]);
    S->gc.gen[0].count = q->count;
    S->gc.collecting = q->collecting;
    uint64_t made = S->tracked_count > q->tracked ? S->tracked_count - q->tracked : 0;
    S->gc.startup_tracked -= made < S->gc.startup_tracked ? made : S->gc.startup_tracked; /* counted by the replay */
}

SimId defaultdict_make_type(PyRun *I)
{
    CollQuiet q;
    coll_quiet_begin(I, &q);
    SimId ns = sim_dict(S);
    bi_dict_put(I, ns, "__module__", sim_str_intern(S, "collections", 11));
    SimId name = sim_str_intern(S, "defaultdict", 11);
    sim_incref(S, name);
    SimId bases = sim_tuple(S, 1);
    sim_incref(S, S->types[SK_DICT]);
    sim_tuple_set(S, bases, 0, S->types[SK_DICT]);
    SimId mro[2] = {S->types[SK_DICT], S->type_object};
    SimClassSpec spec = {.name = name, .qualname = name, .bases = bases, .dict = ns, .best = 0,
                         .mro = mro, .nmro = 2, .layout = SK_DICT};
    SimId cls = sim_class_new(S, &spec);
    if (sim_obj(S, cls)->data) {
        sim_items(S, cls)[SIM_TY_FLAGS] |= SIM_TYF_NATIVE;
        sim_items(S, cls)[SIM_TY_BASICSIZE] = 56; /* defdictobject: the dict and default_factory */
    }
    coll_quiet_end(I, &q);
    I->defaultdict_type = cls;
    return cls;
}

/* ---- construction ------------------------------------------------------------ */

/* defdict_init: the first argument is the factory, the rest go to
 * dict.__init__ (in a slice of the argument tuple) */
bool defaultdict_init(PyRun *I, SimId dd, SimId *a, int n, SimId kw)
{
    int np = bi_npos(I, n, kw);
    SimId factory = np > 0 ? a[0] : 0;
    if (factory && sim_kind(S, factory) == SK_NONE)
        factory = 0;
    if (factory && !callable_obj(I, factory)) {
        py_raise(I, EXC_TypeError, "first argument must be callable or None");
        return false;
    }
    if (np > 0)
        bi_args_tuple(I, np - 1); /* PySequence_GetSlice(args, 1, ...) */
    if (!dict_fill(I, dd, np > 0 ? a + 1 : a, np > 0 ? n - 1 : n, kw))
        return false;
    SimId old = sim_obj(S, dd)->ext;
    if (factory)
        sim_incref(S, factory);
    sim_obj(S, dd)->ext = factory;
    sim_xdecref(S, old);
    return true;
}

/* ---- __missing__ ------------------------------------------------------------- */

SimId defaultdict_missing(PyRun *I, SimId dd, SimId key)
{
    /* dict_subscript: _PyObject_LookupSpecial binds __missing__ (a method object) */
    sim_incref(S, dd);
    SimId bound = sim_builtin(S, 0, dd);
    SimId factory = sim_obj(S, dd)->ext, value = 0;
    if (!factory) {
        py_raise_key(I, EXC_KeyError, key);
    } else {
        sim_incref(S, factory);
        value = vm_call(I, factory, NULL, 0);
        sim_decref(S, factory);
        if (value && !op_setitem(I, dd, key, value)) {
            sim_decref(S, value);
            value = 0;
        }
    }
    sim_decref(S, bound);
    return value;
}

/* ---- attributes, repr, copy --------------------------------------------------- */

SimId defaultdict_attr(PyRun *I, SimId dd, SimId name, bool *found)
{
    *found = sim_str_equals(S, name, "default_factory");
    if (!*found)
        return 0;
    SimId f = sim_obj(S, dd)->ext ? sim_obj(S, dd)->ext : S->none;
    sim_incref(S, f);
    return f;
}

int defaultdict_attr_set(PyRun *I, SimId dd, SimId name, SimId value)
{
    if (!sim_str_equals(S, name, "default_factory"))
        return 0;
    if (!value)
        return py_not_modelled(I, 0, "deleting a defaultdict's default_factory") ? 1 : -1;
    SimId old = sim_obj(S, dd)->ext;
    sim_incref(S, value);
    sim_obj(S, dd)->ext = sim_kind(S, value) == SK_NONE ? 0 : value;
    if (sim_kind(S, value) == SK_NONE)
        sim_decref(S, value);
    sim_xdecref(S, old);
    return 1;
}

/* defdict_repr: "defaultdict(<factory>, <the dict>)" */
bool defaultdict_repr(PyRun *I, SimId dd, Buf *out)
{
    buf_adds(out, "defaultdict(");
    SimId f = sim_obj(S, dd)->ext;
    if (f && !op_repr(I, f, out))
        return false;
    if (!f)
        buf_adds(out, "None");
    buf_adds(out, ", ");
    if (!op_repr_base(I, dd, out))
        return false;
    buf_addc(out, ')');
    return true;
}

/* defdict_copy: type(dd)(dd.default_factory, dd) */
static SimId m_copy(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    if (!defaultdict_is(I, a[0]))
        return py_not_modelled(I, 0, "this copy method on a '%s'", op_typename(I, a[0])), (SimId)0;
    bi_args_tuple(I, 2); /* PyObject_CallFunctionObjArgs's tuple, then defdict_init's slice */
    bi_args_tuple(I, 1);
    SimId c = sim_subinst_new(S, I->defaultdict_type, 0);
    SimId f = sim_obj(S, a[0])->ext;
    if (f)
        sim_incref(S, f);
    sim_obj(S, c)->ext = f;
    if (!dict_merge(I, c, a[0], DICT_MERGE_SET, NULL)) {
        sim_decref(S, c);
        return 0;
    }
    return c;
}

const BuiltinDef defaultdict_methods[] = {
    BUILTIN("defaultdict.copy", SK_DICT, 0, m_copy, .style = ARGS_NONE),
};
const int defaultdict_nmethods = (int)(sizeof defaultdict_methods / sizeof defaultdict_methods[0]);

int defaultdict_method(PyRun *I, SimId dd, SimId name)
{
    if (!sim_str_equals(S, name, "copy") && !sim_str_equals(S, name, "__copy__"))
        return -1;
    (void)dd;
    return bi_index_of(&defaultdict_methods[0]);
}
