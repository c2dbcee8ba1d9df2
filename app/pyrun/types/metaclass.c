/*
 * metaclass: the program's subclasses of type (Objects/typeobject.c,
 * Python/bltinmodule.c builtin___build_class__).
 *
 * `class Meta(type)` is a class whose layout is type's (SIM_TY_KIND
 * SK_TYPE: sizeof(PyHeapTypeObject), no __dict__ or __weakref__ of its
 * own).  Its instances are classes: type_new with Meta as the metatype
 * makes one as for type, and the class holds a reference to Meta in
 * SimObj.type (PyType_GenericAlloc's Py_INCREF of a heap type), which
 * subtype_traverse shows the collector and subtype_dealloc drops.
 *
 * What runs: the metaclass a class statement picks (its `metaclass=`, or
 * the most derived of its bases' types), Meta(name, bases, ns, **kw) as
 * type_call runs it (a __new__ of Meta's, else type_new; then Meta's
 * __init__, else type_init's checks), calling a class whose metaclass
 * defines __call__ (slot_tp_call), type.__new__ / type.__init__ /
 * type.__call__ reached through super() or read on type, and a class's
 * attributes found on its metaclass (type_getattro: a data descriptor of
 * the metaclass first, the class's MRO, then the metaclass's other
 * attributes, a function bound to the class).
 *
 * The young count is refused after a metaclass's code runs (the argument
 * tuples, bound methods and super objects of slot_tp_new, slot_tp_init and
 * slot_tp_call are not all replayed), and tracemalloc's figures with it.
 * Refused: __prepare__ and the metaclass's other special methods, a
 * metaclass that is not a class, and type_new picking a metaclass other
 * than the one called.
 */
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/interp.h"
#include "pyrun/modules/tracemalloc.h"
#include "pyrun/types/types.h"

#define S (I->sim)
#define MAX_META_ARGS 32

bool metaclass_is(PyRun *I, SimId c)
{
    return c && sim_kind(S, c) == SK_TYPE && sim_obj(S, c)->sub == SK_INSTANCE &&
           (sim_type_word(S, c, SIM_TY_FLAGS) & SIM_TYF_HEAP) && sim_type_word(S, c, SIM_TY_KIND) == SK_TYPE;
}

/* the metaclass of a class the program made with one, or 0 */
static SimId meta_of(PyRun *I, SimId cls)
{
    if (sim_kind(S, cls) != SK_TYPE || sim_obj(S, cls)->sub != SK_INSTANCE)
        return 0;
    SimId m = sim_obj(S, cls)->type;
    return metaclass_is(I, m) ? m : 0;
}

SimId metaclass_of_class(PyRun *I, SimId cls) { return meta_of(I, cls); }

static void note(PyRun *I, const char *what)
{
    if (!I->gc_count_unsure)
        I->count_unsure_what = what;
    I->gc_count_unsure = true;
    tm_note_unsure(I, what);
}

/* ---- which metaclass ------------------------------------------------------ */

/* _PyType_CalculateMetaclass over the bases; *meta: owned or 0 (type), the
 * winner on return (0 when it is type); false with the TypeError raised */
bool metaclass_winner(PyRun *I, SimId *meta, SimId bases)
{
    SimId winner = *meta ? *meta : S->type_type;
    for (uint32_t i = 0; i < sim_obj(S, bases)->len; i++) {
        if (sim_kind(S, sim_items(S, bases)[i]) != SK_TYPE)
            continue; /* typing.NamedTuple: NamedTupleMeta's business (typing_namedtuple.c) */
        SimId t = sim_type_of(S, sim_items(S, bases)[i]);
        if (sim_is_subtype(S, winner, t))
            continue;
        if (sim_is_subtype(S, t, winner)) {
            winner = t;
            continue;
        }
        py_raise(I, EXC_TypeError, "metaclass conflict: the metaclass of a derived class must be a (non-strict) "
                                   "subclass of the metaclasses of all its bases");
        sim_xdecref(S, *meta);
        *meta = 0;
        return false;
    }
    if (winner != S->type_type && !metaclass_is(I, winner)) {
        sim_xdecref(S, *meta);
        *meta = 0;
        return py_not_modelled(I, 0, "a metaclass other than type or a class of the program deriving from type");
    }
    if (winner == S->type_type)
        winner = 0;
    if (winner)
        sim_incref(S, winner);
    sim_xdecref(S, *meta);
    *meta = winner;
    return true;
}

/* ---- type_new with a metaclass ----------------------------------------------- */

/* a keyword dict of the call's keywords (values after the positional ones) */
static SimId kw_dict(PyRun *I, SimId *args, int nargs, SimId kwnames)
{
    int nkw = kwnames ? (int)sim_obj(S, kwnames)->len : 0;
    if (!nkw)
        return 0;
    SimId d = sim_dict(S);
    for (int i = 0; i < nkw; i++) {
        sim_incref(S, sim_items(S, kwnames)[i]);
        sim_incref(S, args[nargs - nkw + i]);
        sim_dict_set(S, d, sim_items(S, kwnames)[i], args[nargs - nkw + i]);
    }
    return d;
}

/* type_new(meta, (name, bases, ns), kw) */
static SimId type_new_meta(PyRun *I, SimId meta, SimId *args, int nargs, SimId kwnames)
{
    int npos = nargs - (kwnames ? (int)sim_obj(S, kwnames)->len : 0);
    if (npos != 3) {
        py_raise(I, EXC_TypeError, "type.__new__() takes exactly 3 arguments (%d given)", npos);
        return 0;
    }
    static const SimKind want[3] = {SK_STR, SK_TUPLE, SK_DICT};
    static const char *const wname[3] = {"str", "tuple", "dict"};
    for (int i = 0; i < 3; i++)
        if (sim_kind(S, args[i]) != want[i]) {
            py_raise(I, EXC_TypeError, "type.__new__() argument %d must be %s, not %s", i + 1, wname[i],
                     op_typename(I, args[i]));
            return 0;
        }
    SimId bases = args[1];
    for (uint32_t i = 0; i < sim_obj(S, bases)->len; i++)
        if (sim_kind(S, sim_items(S, bases)[i]) != SK_TYPE)
            return py_not_modelled(I, 0, "type.__new__() with a base that is not a class"), (SimId)0;
    SimId win = meta;
    sim_incref(S, win);
    if (!metaclass_winner(I, &win, bases))
        return 0;
    sim_xdecref(S, win); /* borrowed from here: meta or a base's type holds it */
    if (win != meta)
        return py_not_modelled(I, 0, "type.__new__() picking a metaclass other than the one called "
                                     "(a base's more derived one)"), (SimId)0;
    if (!modelled_class_ok(I, args[2], bases))
        return 0;
    SimId base = sim_obj(S, bases)->len ? sim_items(S, bases)[0] : 0;
    if (base && sim_obj(S, base)->sub == SK_INSTANCE && !(sim_type_word(S, base, SIM_TY_FLAGS) & SIM_TYF_HEAP))
        return py_not_modelled(I, 0, "a metaclass making a subclass of an exception"), (SimId)0;
    SimId kw = kw_dict(I, args, nargs, kwnames);
    SimId cls = class_build_meta(I, args[0], args[2], bases, kw, meta);
    sim_xdecref(S, kw);
    return cls;
}

/* ---- type_call on a metaclass ------------------------------------------------ */

/* fn(first, *args) with the call's keywords */
static SimId call_prepend(PyRun *I, SimId fn, SimId first, SimId *args, int nargs, SimId kwnames)
{
    if (nargs >= MAX_META_ARGS)
        return py_not_modelled(I, 0, "a metaclass called with %d arguments or more", MAX_META_ARGS), (SimId)0;
    SimId all[MAX_META_ARGS + 1];
    all[0] = first;
    if (nargs)
        memcpy(all + 1, args, (size_t)nargs * sizeof *all);
    return vm_call_kw(I, fn, all, nargs + 1, kwnames);
}

/* a special method of the metaclass's own (a class of the program along
 * its MRO), or 0 for type's */
static SimId meta_own(PyRun *I, SimId meta, const char *name)
{
    return sim_type_lookup(S, meta, name);
}

/* type_init: nothing to do once the arguments are right */
static bool type_init_check(PyRun *I, int npos, int nkw)
{
    if (npos == 1 && nkw) {
        py_raise(I, EXC_TypeError, "type.__init__() takes no keyword arguments");
        return false;
    }
    if (npos != 1 && npos != 3) {
        py_raise(I, EXC_TypeError, "type.__init__() takes 1 or 3 arguments");
        return false;
    }
    return true;
}

SimId metaclass_call(PyRun *I, SimId meta, SimId *args, int nargs, SimId kwnames)
{
    note(I, "a metaclass of the program making a class");
    int nkw = kwnames ? (int)sim_obj(S, kwnames)->len : 0;
    SimId newf = meta_own(I, meta, "__new__"), obj;
    if (newf) {
        SimId fn = sim_kind(S, newf) == SK_STATICMETHOD ? SIM_V(S, newf, SK_STATICMETHOD, descr.func) : 0;
        if (!fn || sim_kind(S, fn) != SK_FUNC)
            return py_not_modelled(I, 0, "a metaclass's __new__ that is not a plain function"), (SimId)0;
        obj = call_prepend(I, fn, meta, args, nargs, kwnames);
    } else {
        obj = type_new_meta(I, meta, args, nargs, kwnames);
    }
    if (!obj || sim_kind(S, obj) != SK_TYPE || !sim_is_subtype(S, sim_type_of(S, obj), meta))
        return obj; /* type_call: tp_init only for an instance of the metaclass */
    SimId initf = meta_own(I, meta, "__init__");
    if (!initf)
        return type_init_check(I, nargs - nkw, nkw) ? obj : (sim_decref(S, obj), (SimId)0);
    if (sim_kind(S, initf) != SK_FUNC) {
        sim_decref(S, obj);
        return py_not_modelled(I, 0, "a metaclass's __init__ that is not a plain function"), (SimId)0;
    }
    SimId r = call_prepend(I, initf, obj, args, nargs, kwnames);
    if (r && r != S->none)
        py_raise(I, EXC_TypeError, "__init__() should return None, not '%s'", op_typename(I, r));
    if (!r || r != S->none) {
        sim_xdecref(S, r);
        sim_decref(S, obj);
        return 0;
    }
    sim_decref(S, r);
    return obj;
}

SimId metaclass_build(PyRun *I, SimId meta, SimId name, SimId bases, SimId ns, SimId kw)
{
    uint32_t nkw = kw ? sim_obj(S, kw)->len : 0;
    if (nkw + 3 > MAX_META_ARGS)
        return py_not_modelled(I, 0, "more than %d class keywords", MAX_META_ARGS - 3), (SimId)0;
    SimId args[MAX_META_ARGS];
    args[0] = name, args[1] = bases, args[2] = ns;
    SimId names = nkw ? sim_tuple(S, nkw) : 0;
    uint32_t pos = 0, i = 0;
    SimId k, v;
    while (nkw && sim_dict_next(S, kw, &pos, &k, &v) && i < nkw) {
        sim_incref(S, k);
        sim_tuple_set(S, names, i, k);
        args[3 + i++] = v;
    }
    SimId cls = metaclass_call(I, meta, args, (int)(3 + nkw), names);
    sim_xdecref(S, names);
    return cls;
}

/* ---- calling a class whose metaclass is the program's ---------------------- */

bool metaclass_takes_call(PyRun *I, SimId cls)
{
    SimId m = meta_of(I, cls);
    return metaclass_is(I, cls) || (m && meta_own(I, m, "__call__"));
}

SimId metaclass_dispatch(PyRun *I, SimId cls, SimId *args, int nargs, SimId kwnames)
{
    SimId m = meta_of(I, cls);
    SimId callf = m ? meta_own(I, m, "__call__") : 0;
    if (!callf)
        return metaclass_call(I, cls, args, nargs, kwnames);
    if (sim_kind(S, callf) != SK_FUNC)
        return py_not_modelled(I, 0, "a metaclass's __call__ that is not a plain function"), (SimId)0;
    note(I, "calling a class whose metaclass defines __call__");
    return call_prepend(I, callf, cls, args, nargs, kwnames);
}

/* ---- type.__new__, type.__init__, type.__call__ ------------------------------ */

/* tp_new_wrapper of type: type.__new__(mcs, name, bases, ns) (a[0] is type) */
SimId metaclass_type_new_fn(PyRun *I, SimId *a, int n, SimId kw)
{
    int nkw = kw ? (int)sim_obj(S, kw)->len : 0;
    if (n - nkw < 2) {
        py_raise(I, EXC_TypeError, "type.__new__(): not enough arguments");
        return 0;
    }
    SimId mcs = a[1];
    if (sim_kind(S, mcs) != SK_TYPE) {
        py_raise(I, EXC_TypeError, "type.__new__(X): X is not a type object (%s)", op_typename(I, mcs));
        return 0;
    }
    if (mcs == S->type_type) {
        if (nkw || n - 2 != 3)
            return py_not_modelled(I, 0, "type.__new__(type, ...) with other than name, bases and namespace"),
                   (SimId)0;
        return class_from_type_call(I, a[2], a[3], a[4]);
    }
    if (!metaclass_is(I, mcs))
        return py_not_modelled(I, 0, "type.__new__() of a class that does not derive from type"), (SimId)0;
    note(I, "type.__new__ called by a metaclass of the program");
    return type_new_meta(I, mcs, a + 2, n - 2, kw);
}

/* wrap_init of type: type.__init__(cls, *args) */
SimId metaclass_type_init_fn(PyRun *I, SimId *a, int n, SimId kw)
{
    int nkw = kw ? (int)sim_obj(S, kw)->len : 0;
    if (n < 1 || sim_kind(S, a[0]) != SK_TYPE) {
        py_raise(I, EXC_TypeError, "descriptor '__init__' requires a 'type' object but received a '%s'",
                 n < 1 ? "NoneType" : op_typename(I, a[0]));
        return 0;
    }
    return type_init_check(I, n - 1 - nkw, nkw) ? bi_none(I) : 0;
}

/* wrap_call of type: type.__call__(cls, *args), the class called without
 * its metaclass's __call__ */
SimId metaclass_type_call_fn(PyRun *I, SimId *a, int n, SimId kw)
{
    if (n < 1 || sim_kind(S, a[0]) != SK_TYPE) {
        py_raise(I, EXC_TypeError, "descriptor '__call__' requires a 'type' object but received a '%s'",
                 n < 1 ? "NoneType" : op_typename(I, a[0]));
        return 0;
    }
    SimId cls = a[0];
    if (metaclass_is(I, cls))
        return metaclass_call(I, cls, a + 1, n - 1, kw);
    if (sim_obj(S, cls)->sub != SK_INSTANCE)
        return vm_call_kw(I, cls, a + 1, n - 1, kw);
    return vm_call_class_plain(I, cls, a + 1, n - 1, kw);
}

/* ---- a class's attributes on its metaclass -------------------------------- */

SimId metaclass_attr(PyRun *I, SimId cls, SimId name, bool data, bool *found)
{
    *found = false;
    SimId m = meta_of(I, cls);
    SimId v = m ? sim_type_lookup_str(S, m, name) : 0;
    if (!v)
        return 0;
    SimKind k = sim_kind(S, v);
    bool is_data = k == SK_PROPERTY || k == SK_MEMBER_DESCR || k == SK_GETSET_DESCR ||
                   udescr_kind(I, v) == UDESCR_DATA || udescr_kind(I, v) == UDESCR_REFUSED;
    if (data != is_data)
        return 0;
    *found = true;
    if (k == SK_PROPERTY || k == SK_CLASSMETHOD || k == SK_STATICMETHOD)
        return descr_get(I, v, cls, m);
    if (udescr_kind(I, v) != UDESCR_NONE)
        return udescr_get(I, v, cls, m);
    if (k == SK_MEMBER_DESCR || k == SK_GETSET_DESCR)
        return py_not_modelled(I, 0, "a slot descriptor of a metaclass read on its class"), (SimId)0;
    if (k == SK_FUNC) { /* function.__get__: bound to the class */
        sim_incref(S, v);
        sim_incref(S, cls);
        return sim_method(S, v, cls);
    }
    sim_incref(S, v);
    return v;
}
