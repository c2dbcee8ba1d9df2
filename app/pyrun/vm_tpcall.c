/*
 * vm_tpcall: calls that go through a type's tp_call — a class (type_call:
 * the instance, then __init__) and an instance whose class defines
 * __call__ (slot_tp_call) — as CALL reaches them through
 * _PyObject_MakeTpCall: the positional arguments packed in a tuple and the
 * keyword ones in a dict, both alive until the call returns (they hold a
 * reference to each argument); with keywords, every argument is unpacked
 * once more onto a stack for the Python function (_PyStack_UnpackDict).  The caller's
 * slots keep their references until the method returns.
 */
#include <stdlib.h>
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/interp.h"
#include "pyrun/modules/collections.h"
#include "pyrun/modules/threading.h"
#include "pyrun/types/types.h"

#define S (I->sim)
#define TOPF (I->ts->top)

typedef struct TpArgs {
    SimId tuple, dict; /* owned, 0 when none */
} TpArgs;

/* _PyObject_MakeTpCall: the tuple of the positional arguments, the dict of
 * the keyword ones (whose values the unpacked stack holds once more) */
/* The new object of a class call (type_call's tp_new): an exception keeps
 * its arguments in .args, as BaseException.__new__ does. */
SimId vm_new_instance(PyRun *I, SimId cls, SimId *args, int nargs, bool exc)
{
    if (!exc && sim_type_word(S, cls, SIM_TY_KIND)) /* a subclass of list or dict */
        return subinst_new(I, cls);
    if (!exc)
        return sim_instance(S, cls);
    SimId t = sim_tuple(S, (size_t)nargs);
    for (int i = 0; i < nargs; i++) {
        sim_incref(S, args[i]);
        sim_tuple_set(S, t, (size_t)i, args[i]);
    }
    return exc_new(I, cls, t);
}

/* the call's arguments as a tuple and a dict of its keywords (type_call to a
 * built-in tp_init) */
static TpArgs pack_plain(PyRun *I, SimId *args, int nargs, SimId kwnames)
{
    int nkw = kwnames ? (int)sim_obj(S, kwnames)->len : 0, npos = nargs - nkw;
    TpArgs t = {0, 0};
    t.tuple = sim_tuple(S, (size_t)npos);
    for (int i = 0; i < npos; i++) {
        sim_incref(S, args[i]);
        sim_tuple_set(S, t.tuple, (size_t)i, args[i]);
    }
    if (nkw) {
        t.dict = sim_dict(S);
        for (int i = 0; i < nkw; i++) {
            SimId k = sim_items(S, kwnames)[i], v = args[npos + i];
            sim_incref(S, k);
            sim_incref(S, v);
            sim_dict_set(S, t.dict, k, v);
        }
    }
    return t;
}

/* the same with the unpacking a Python __init__ needs: each argument held
 * once more by the unpacked stack, and the kwnames tuple made */
static TpArgs pack(PyRun *I, SimId *args, int nargs, SimId kwnames)
{
    TpArgs t = pack_plain(I, args, nargs, kwnames);
    int nkw = kwnames ? (int)sim_obj(S, kwnames)->len : 0;
    if (nkw) {
        for (int i = 0; i < nargs; i++)
            sim_incref(S, args[i]);
        bi_args_tuple(I, nkw);
    }
    return t;
}

static void unpack_free(PyRun *I, TpArgs *t)
{
    if (t->dict) { /* _PyStack_UnpackDict_Free, then the tuple, then the dict */
        uint32_t pos = 0;
        SimId k, v;
        for (uint32_t i = 0; t->tuple && i < sim_obj(S, t->tuple)->len; i++)
            sim_decref(S, sim_items(S, t->tuple)[i]);
        while (sim_dict_next(S, t->dict, &pos, &k, &v))
            sim_decref(S, v);
    }
    sim_xdecref(S, t->tuple);
    sim_xdecref(S, t->dict);
    t->tuple = t->dict = 0;
}

/* the frame keeps them until it returns or unwinds (vm_unwind_frame) */
static void attach(PyRun *I, TpArgs *t)
{
    Frame *f = TOPF;
    f->argtuple = t->tuple;
    f->argdict = t->dict;
}

void vm_release_tpargs(PyRun *I, SimId tuple, SimId dict)
{
    TpArgs t = {tuple, dict};
    unpack_free(I, &t);
}

/* ---- a program's subclass of tuple ------------------------------------------------ */

enum { TUPLESUB_MAX_ARGS = 64 };

/* f(first, *args) with the call's keywords, run to its end */
static SimId call_prepend(PyRun *I, SimId f, SimId first, SimId *args, int nargs, SimId kwnames)
{
    SimId stack[TUPLESUB_MAX_ARGS + 1];
    stack[0] = first;
    for (int i = 0; i < nargs; i++)
        stack[i + 1] = args[i];
    return vm_call_kw(I, f, stack, nargs + 1, kwnames);
}

SimId vm_tuplesub_call(PyRun *I, SimId cls, SimId *args, int nargs, SimId kwnames, bool packed)
{
    if (cls == I->version_info_type) /* type_call: no tp_new */
        return sys_version_no_new(I), (SimId)0;
    int nkw = kwnames ? (int)sim_obj(S, kwnames)->len : 0, np = nargs - nkw;
    SimId newf = sim_type_lookup(S, cls, "__new__"), init = sim_type_lookup(S, cls, "__init__");
    if (init && sim_kind(S, init) != SK_FUNC)
        return py_not_modelled(I, 0, "an __init__ that is not a plain function in a subclass of %s",
                               sim_kind_name((SimKind)sim_type_word(S, cls, SIM_TY_KIND))), (SimId)0;
    SimId newfn = newf && sim_kind(S, newf) == SK_STATICMETHOD ? SIM_V(S, newf, SK_STATICMETHOD, descr.func) : 0;
    if (newf && (!newfn || (sim_kind(S, newfn) != SK_FUNC && !namedtuple_builtin(I, newfn))))
        return py_not_modelled(I, 0, "a __new__ that is not a plain function"), (SimId)0;
    if (nargs > TUPLESUB_MAX_ARGS)
        return py_not_modelled(I, 0, "a subclass of tuple called with more than %d arguments", TUPLESUB_MAX_ARGS),
               (SimId)0;
    TpArgs t = {0, 0};
    if (packed)
        t = pack_plain(I, args, nargs, kwnames);
    /* slot_tp_new and slot_tp_init: _PyStack_UnpackDict's stack holds every
     * argument once more and its kwnames tuple lives until the call ends */
    SimId unpacked = (newf || init) && nkw ? sim_tuple(S, (size_t)nkw) : 0;
    for (int i = 0; unpacked && i < nkw; i++) {
        sim_incref(S, sim_items(S, kwnames)[i]);
        sim_tuple_set(S, unpacked, (size_t)i, sim_items(S, kwnames)[i]);
    }
    for (int i = 0; unpacked && i < nargs; i++)
        sim_incref(S, args[i]);
    SimId inst = 0;
    if (newf) /* slot_tp_new: the static function with the class first */
        inst = call_prepend(I, SIM_V(S, newf, SK_STATICMETHOD, descr.func), cls, args, nargs, kwnames);
    else if (scalarsub_layout(I, cls)) /* float_new ... on the class */
        inst = scalarsub_new(I, cls, args, nargs, kwnames);
    else if (np > 1)
        py_raise(I, EXC_TypeError, "tuple expected at most 1 argument, got %d", np);
    else if (!tuplesub_keywords_refused(I, cls, nkw))
        inst = tuplesub_new(I, cls, np ? args[0] : 0);
    if (inst && init && sim_is_subtype(S, sim_type_of(S, inst), cls)) { /* type_call: tp_init */
        SimId r = call_prepend(I, init, inst, args, nargs, kwnames);
        if (r && r != S->none)
            py_raise(I, EXC_TypeError, "__init__() should return None, not '%s'", op_typename(I, r));
        if (!r || r != S->none) {
            sim_decref(S, inst);
            inst = 0;
        }
        sim_xdecref(S, r);
    }
    for (int i = 0; unpacked && i < nargs; i++)
        sim_decref(S, args[i]);
    sim_xdecref(S, unpacked);
    sim_xdecref(S, t.tuple);
    sim_xdecref(S, t.dict);
    return inst;
}

bool vm_call_class(PyRun *I, SimId cls, uint32_t slot0, uint32_t nslots, SimId *args, int nargs, SimId kwnames)
{
    if (metaclass_takes_call(I, cls)) { /* type(cls).__call__, or type_call of a metaclass */
        SimId r = metaclass_dispatch(I, cls, args, nargs, kwnames);
        if (!r)
            return false;
        vm_release_call_slots(I, slot0, nslots);
        I->ts->stack[TOPF->sp++] = r;
        return true;
    }
    if ((sim_type_word(S, cls, SIM_TY_KIND) == SK_TUPLE || scalarsub_layout(I, cls)) &&
        !enum_is_enum_class(I, cls)) { /* an IntEnum's class: EnumType.__call__ below */
        SimId inst = vm_tuplesub_call(I, cls, args, nargs, kwnames, true);
        if (!inst)
            return false;
        vm_release_call_slots(I, slot0, nslots);
        I->ts->stack[TOPF->sp++] = inst;
        return true;
    }
    if (enum_is_enum_class(I, cls) || datetime_is_class(I, cls)) { /* EnumType.__call__; date_new ... */
        SimId m = enum_is_enum_class(I, cls) ? enum_call(I, cls, args, nargs, kwnames)
                                             : datetime_call(I, cls, args, nargs, kwnames);
        if (!m)
            return false;
        vm_release_call_slots(I, slot0, nslots);
        I->ts->stack[TOPF->sp++] = m;
        return true;
    }
    if (cls == I->version_info_type) /* type_call: no tp_new */
        return sys_version_no_new(I);
    if (exc_is_group_class(I, cls)) { /* BaseExceptionGroup_new */
        SimId g = exc_group_call(I, cls, args, nargs, kwnames);
        if (!g)
            return false;
        vm_release_call_slots(I, slot0, nslots);
        I->ts->stack[TOPF->sp++] = g;
        return true;
    }
    SimId init = sim_type_lookup(S, cls, "__init__");
    bool exc = exc_is_class(I, cls);
    TpArgs targs = {0, 0};
    if (!exc && !init && sim_type_word(S, cls, SIM_TY_KIND)) /* tp_init is list's or dict's: a tuple and a dict */
        targs = pack_plain(I, args, nargs, kwnames);
    else if (!exc)
        targs = pack(I, args, nargs, kwnames);
    if (!exc && !abc_instantiable(I, cls)) { /* object_new: abstract methods left */
        unpack_free(I, &targs);
        return false;
    }
    int nkw = kwnames ? (int)sim_obj(S, kwnames)->len : 0;
    /* BaseException_new: args is the positional ones */
    SimId inst = vm_new_instance(I, cls, args, exc ? nargs - nkw : nargs, exc);
    if (!exc && !threading_local_new(I, inst, args, nargs, kwnames)) { /* local_new */
        sim_decref(S, inst);
        unpack_free(I, &targs);
        return false;
    }
    if (exc && (I->ts->err.set || I->refused)) { /* the built-in tp_init refused its arguments */
        sim_decref(S, inst);
        unpack_free(I, &targs);
        return false;
    }
    if (exc && nkw && (!init || sim_kind(S, init) != SK_FUNC) &&
        !exc_layout_kwargs(I, inst, args + nargs - nkw, kwnames)) { /* the built-in tp_init's keywords */
        sim_decref(S, inst);
        return false;
    }
    if (init && weakref_native_method(I, init)) { /* weakref's classes */
        SimId r = weakref_native_call(I, init, inst, args, nargs, kwnames);
        unpack_free(I, &targs);
        if (!r) {
            sim_decref(S, inst);
            return false;
        }
        sim_decref(S, r);
        vm_release_call_slots(I, slot0, nslots);
        I->ts->stack[TOPF->sp++] = inst;
        return true;
    }
    if (!init && sim_is_subinst(S, inst)) { /* list.__init__ / dict.__init__ with the call's arguments */
        bool ok = subinst_init(I, inst, args, nargs, kwnames);
        sim_xdecref(S, targs.tuple); /* no Python function: nothing was unpacked again */
        sim_xdecref(S, targs.dict);
        if (!ok) {
            sim_decref(S, inst);
            return false;
        }
        vm_release_call_slots(I, slot0, nslots);
        I->ts->stack[TOPF->sp++] = inst;
        return true;
    }
    if (!init || sim_kind(S, init) != SK_FUNC) {
        unpack_free(I, &targs);
        if (nargs > 0 && !exc) {
            size_t n;
            const char *nm = sim_str_data(S, sim_items(S, cls)[0], &n);
            py_raise(I, EXC_TypeError, "%.*s() takes no arguments", (int)n, nm);
            sim_decref(S, inst);
            return false;
        }
        vm_release_call_slots(I, slot0, nslots);
        I->ts->stack[TOPF->sp++] = inst;
        return true;
    }
    /* the caller's slots keep their references until __init__ returns; the
     * frame gets its own */
    sim_incref(S, inst);
    for (int i = 0; i < nargs; i++)
        sim_incref(S, args[i]);
    sim_incref(S, init);
    if (kwnames)
        sim_incref(S, kwnames);
    I->ts->init_pending = true; /* type_call's own recursion check (vm_depth.c) */
    bool ok = vm_call_python(I, init, inst, args, nargs, kwnames, FR_INIT);
    I->ts->init_pending = false;
    if (ok && !I->ts->gen_made)
        vm_frame_entered(I, TOPF, ENTERED_INIT);
    sim_xdecref(S, kwnames);
    if (ok && I->ts->gen_made) { /* __init__ with a yield: what it returned is not None */
        sim_decref(S, I->ts->gen_made);
        I->ts->gen_made = 0;
        py_raise(I, EXC_TypeError, "__init__() should return None, not 'generator'");
        ok = false;
    }
    if (!ok) {
        unpack_free(I, &targs);
        sim_decref(S, inst);
        return false;
    }
    attach(I, &targs);
    Frame *f = TOPF;
    f->extra = inst;
    f->callbase = slot0;
    f->ncallslots = nslots;
    return true;
}

bool vm_call_instance(PyRun *I, SimId obj, uint32_t slot0, uint32_t nslots, SimId *args, int nargs,
                      SimId kwnames)
{
    SimId m = sim_type_lookup(S, sim_obj(S, obj)->type, "__call__");
    if (!m && typing_refused(I, obj, "calling")) /* List() */
        return false;
    if (!m) {
        py_raise(I, EXC_TypeError, "'%s' object is not callable", op_typename(I, obj));
        return false;
    }
    if (weakref_native_method(I, m)) { /* finalize.__call__ */
        SimId r = weakref_native_call(I, m, obj, args, nargs, kwnames);
        if (!r)
            return false;
        vm_release_call_slots(I, slot0, nslots);
        I->ts->stack[TOPF->sp++] = r;
        return true;
    }
    if (sim_kind(S, m) != SK_FUNC)
        return py_not_modelled(I, 0, "a __call__ that is not a plain function");
    TpArgs targs = pack(I, args, nargs, kwnames);
    sim_incref(S, obj);
    for (int i = 0; i < nargs; i++)
        sim_incref(S, args[i]);
    sim_incref(S, m);
    if (kwnames)
        sim_incref(S, kwnames);
    bool ok = vm_call_python(I, m, obj, args, nargs, kwnames, FR_SLOTCALL);
    if (ok && !I->ts->gen_made)
        vm_frame_entered(I, TOPF, ENTERED_C);
    sim_xdecref(S, kwnames);
    if (ok && I->ts->gen_made) { /* a generator method: no frame runs yet */
        unpack_free(I, &targs);
        vm_release_call_slots(I, slot0, nslots);
        I->ts->stack[TOPF->sp++] = I->ts->gen_made;
        I->ts->gen_made = 0;
    } else if (ok) {
        attach(I, &targs);
        TOPF->callbase = slot0;
        TOPF->ncallslots = nslots;
    } else {
        unpack_free(I, &targs);
    }
    return ok;
}
