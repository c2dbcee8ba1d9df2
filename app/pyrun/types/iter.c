/*
 * iter: getting an iterator (PyObject_GetIter) and taking its next item
 * (tp_iternext) for the VM and the builtins: the containers' iterators
 * (walked by the sim, with CPython's "changed size during iteration"
 * checks), generators, a program's __iter__/__next__, the old sequence
 * protocol's "iterator" and callable_iterator; enumerate, zip, map, filter
 * and reversed are in iter_lazy.c, itertools in modules/itertools.c.
 */
#include "pyrun/modules/collections.h"
#include "pyrun/builtins.h"
#include "pyrun/modules/tracemalloc.h"
#include "pyrun/types/native.h"
#include "pyrun/types/types.h"

#define S (I->sim)

/* ---- dict and set iterators: CPython's di_used check ------------------------
 * An iterator made by iter_new over a dict (or one of its views) or a set
 * keeps in datacap the size it saw + 1 and in v.iter.yielded how many entries it
 * has yielded (both unused by the sim for these iterators), so that
 * iter_next raises what CPython raises when the container changes under
 * the loop instead of looping on or stopping early. */

static bool watched(const SimObj *o)
{
    return o->kind == SK_ITER && (o->sub == SIM_IT_DICT || o->sub == SIM_IT_SET) && o->datacap &&
           !o->data && o->v.iter.seq;
}

static SimId watched_next(PyRun *I, SimId it)
{
    SimObj *o = sim_obj(S, it);
    bool dict = o->sub == SIM_IT_DICT;
    uint32_t used = o->datacap - 1;
    if (sim_obj(S, o->v.iter.seq)->len != used) {
        o->datacap = 0; /* raised once, as di_used = -1 */
        py_raise(I, EXC_RuntimeError, dict ? "dictionary changed size during iteration"
                                           : "Set changed size during iteration");
        return 0;
    }
    SimId v = sim_iter_next(S, it);
    o = sim_obj(S, it); /* the sim's tables may have moved */
    if (v && dict && o->v.iter.yielded >= used) { /* one more entry than the dict had: a key was swapped */
        sim_decref(S, v);
        o->datacap = 0;
        py_raise(I, EXC_RuntimeError, "dictionary keys changed during iteration");
        return 0;
    }
    if (v)
        o->v.iter.yielded++;
    return v;
}

/* ---- dict items: dictiter_iternextitem, with its reused result tuple ----------
 * refs [dict, result]; ints [next entry, size seen (-1 once it raised), left] */
enum { DI_DICT, DI_RESULT };
enum { DI_POS, DI_USED, DI_LEFT };

static SimId dict_items_iter(PyRun *I, SimId d)
{
    SimId it = sim_iter_composite(S, SIM_XT_DICT_ITEMITER, 2, 3, 0, false); /* PyObject_GC_New */
    if (sim_nomem(S))
        return it;
    sim_incref(S, d);
    sim_iter_refs(S, it)[DI_DICT] = d;
    sim_iter_set_int(S, it, DI_USED, sim_obj(S, d)->len);
    sim_iter_set_int(S, it, DI_LEFT, sim_obj(S, d)->len);
    SimId t = sim_tuple(S, 2); /* PyTuple_Pack(2, None, None) */
    sim_tuple_set(S, t, 0, sim_none(S));
    sim_tuple_set(S, t, 1, sim_none(S));
    sim_iter_refs(S, it)[DI_RESULT] = t;
    sim_track(S, it);
    return it;
}

static SimId dict_items_stop(PyRun *I, SimId it, SimId d)
{
    sim_iter_refs(S, it)[DI_DICT] = 0;
    sim_decref(S, d);
    return 0;
}

static SimId dict_items_next(PyRun *I, SimId it)
{
    SimId d = sim_iter_refs(S, it)[DI_DICT];
    if (!d)
        return 0;
    if (sim_iter_int(S, it, DI_USED) != sim_obj(S, d)->len) {
        sim_iter_set_int(S, it, DI_USED, -1);
        py_raise(I, EXC_RuntimeError, "dictionary changed size during iteration");
        return 0;
    }
    uint32_t pos = (uint32_t)sim_iter_int(S, it, DI_POS);
    SimId key, value;
    if (!sim_dict_next(S, d, &pos, &key, &value))
        return dict_items_stop(I, it, d);
    sim_iter_set_int(S, it, DI_POS, pos);
    int64_t left = sim_iter_int(S, it, DI_LEFT);
    if (left == 0) { /* one more entry than it had: a key was swapped */
        py_raise(I, EXC_RuntimeError, "dictionary keys changed during iteration");
        return dict_items_stop(I, it, d);
    }
    sim_iter_set_int(S, it, DI_LEFT, left - 1);
    SimId r = sim_iter_refs(S, it)[DI_RESULT];
    sim_incref(S, key);
    sim_incref(S, value);
    sim_timing_seen_refcount(S); /* garbage may hold the result until the pin */
    if (sim_refcount(S, r) != 1) {
        r = sim_tuple(S, 2);
        sim_tuple_set(S, r, 0, key);
        sim_tuple_set(S, r, 1, value);
        return r;
    }
    SimId oldkey = sim_items(S, r)[0], oldvalue = sim_items(S, r)[1];
    sim_tuple_set(S, r, 0, key);
    sim_tuple_set(S, r, 1, value);
    sim_incref(S, r);
    sim_decref(S, oldkey);
    sim_decref(S, oldvalue);
    if (!sim_is_tracked(S, r)) /* bpo-42536 */
        sim_track(S, r);
    return r;
}

/* ---- the old sequence protocol and callable_iterator --------------------- */

enum { SEQ_SEQ = 0 };                  /* refs */
enum { CALL_CALLABLE = 0, CALL_SENTINEL }; /* refs */

/* PySeqIter_New: over an object with __getitem__ and no __iter__ */
static SimId seq_iter_new(PyRun *I, SimId seq)
{
    SimId it = sim_iter_composite(S, SIM_XT_SEQ_ITER, 1, 1, 0, false);
    if (sim_nomem(S))
        return it; /* the caller raises MemoryError */
    sim_incref(S, seq);
    sim_iter_refs(S, it)[SEQ_SEQ] = seq;
    sim_track(S, it);
    return it;
}

/* iter_iternext: seq[i] until IndexError or StopIteration */
static SimId seq_iter_next(PyRun *I, SimId it)
{
    SimId seq = sim_iter_refs(S, it)[SEQ_SEQ];
    if (!seq)
        return 0;
    int64_t i = sim_iter_int(S, it, 0);
    SimId key = sim_int(S, i);
    SimId r = op_getitem(I, seq, key);
    sim_decref(S, key);
    if (r) {
        sim_iter_set_int(S, it, 0, i + 1);
        return r;
    }
    if (py_err_matches(I, EXC_IndexError) || py_err_matches(I, EXC_StopIteration)) {
        py_err_clear(I);
        sim_iter_refs(S, it)[SEQ_SEQ] = 0;
        sim_decref(S, seq);
    }
    return 0;
}

SimId iter_callable(PyRun *I, SimId callable, SimId sentinel)
{
    SimId it = sim_iter_composite(S, SIM_XT_CALL_ITER, 2, 0, 0, false);
    if (sim_nomem(S))
        return it;
    sim_incref(S, callable);
    sim_incref(S, sentinel);
    sim_iter_refs(S, it)[CALL_CALLABLE] = callable;
    sim_iter_refs(S, it)[CALL_SENTINEL] = sentinel;
    sim_track(S, it);
    return it;
}

static void call_iter_clear(PyRun *I, SimId it)
{
    for (int k = CALL_CALLABLE; k <= CALL_SENTINEL; k++) { /* Py_CLEAR in this order */
        SimId v = sim_iter_refs(S, it)[k];
        sim_iter_refs(S, it)[k] = 0;
        sim_xdecref(S, v);
    }
}

/* calliter_iternext: call it until it returns the sentinel */
static SimId call_iter_next(PyRun *I, SimId it)
{
    SimId fn = sim_iter_refs(S, it)[CALL_CALLABLE];
    if (!fn)
        return 0;
    SimId noargs[1] = {0}; /* vm_call copies from a pointer even for none */
    SimId r = vm_call(I, fn, noargs, 0);
    if (r) {
        int eq = op_equal(I, sim_iter_refs(S, it)[CALL_SENTINEL], r);
        if (eq == 0)
            return r;
        if (eq > 0)
            call_iter_clear(I, it);
        sim_decref(S, r);
        return 0;
    }
    if (py_err_matches(I, EXC_StopIteration)) {
        py_err_clear(I);
        call_iter_clear(I, it);
    }
    return 0;
}

/* ---- iter() and next() ------------------------------------------------------ */

SimId iter_new(PyRun *I, SimId obj)
{
    bool own = I->own_slot; /* list.__iter__(self), super().__iter__(): the built-in's own */
    I->own_slot = false;
    if (!own && sim_is_subinst(S, obj) && dunder_defines(I, obj, "__iter__")) { /* slot_tp_iter */
        SimId r = dunder_iter(I, obj);
        return r == S->notimpl ? 0 : r;
    }
    if (enum_is_enum_class(I, obj)) /* EnumType.__iter__ */
        return enum_iter(I, obj, false);
    if (sim_kind(S, obj) == SK_DEQUE)
        return deque_iter(I, obj, false);
    if (native_tuple_refused(I, obj))
        return 0;
    if (native_is_tm(I, obj, SIM_XT_TM_TRACEBACK)) { /* Sequence.__iter__ over its frames */
        SimId frames = tm_traceback_frames(I, obj);
        SimId it = iter_new(I, frames);
        sim_decref(S, frames);
        return it;
    }
    if (sim_kind(S, obj) == SK_STRINGIO) { /* IOBase.__iter__: itself, while open */
        if (sim_obj(S, obj)->sub & 1) {
            py_raise(I, EXC_ValueError, "I/O operation on closed file.");
            return 0;
        }
        sim_incref(S, obj);
        return obj;
    }
    if (sim_kind(S, obj) == SK_GEN && !sim_is_coro(S, obj)) { /* a generator is its own iterator */
        sim_incref(S, obj);
        return obj;
    }
    if (sim_kind(S, obj) == SK_INSTANCE || /* a program's class: __iter__, else __getitem__ */
        (metaclass_of_class(I, obj) && (dunder_defines(I, obj, "__iter__") || dunder_defines(I, obj, "__getitem__")))) {
        if (!dunder_defines(I, obj, "__iter__") && dunder_defines(I, obj, "__getitem__")) {
            SimId it = seq_iter_new(I, obj);
            if (sim_nomem(S)) {
                sim_decref(S, it);
                py_no_memory(I);
                return 0;
            }
            return it;
        }
        SimId r = dunder_iter(I, obj);
        return r == S->notimpl ? 0 : r;
    }
    if (odict_is(I, obj)) /* odict_iter */
        return odict_iter(I, obj, SIM_VIEW_KEYS, false);
    if (sim_kind(S, obj) == SK_DICTVIEW && sim_obj(S, obj)->sub != SIM_VIEW_PROXY &&
        odict_is(I, SIM_V(S, obj, SK_DICTVIEW, view.dict))) /* odictkeys_iter and the like */
        return odict_iter(I, SIM_V(S, obj, SK_DICTVIEW, view.dict), sim_obj(S, obj)->sub, false);
    if (sim_kind(S, obj) == SK_DICTVIEW && sim_obj(S, obj)->sub == SIM_VIEW_ITEMS) {
        SimId it = dict_items_iter(I, SIM_V(S, obj, SK_DICTVIEW, view.dict));
        if (sim_nomem(S)) {
            sim_decref(S, it);
            py_no_memory(I);
            return 0;
        }
        return it;
    }
    if (sim_kind(S, obj) == SK_SET && set_order_refused(I, obj, "iterating over"))
        return 0;
    SimId it = sim_iter(S, obj);
    if (!it || it == obj)
        return it;
    SimObj *o = sim_obj(S, it);
    if ((o->sub == SIM_IT_DICT || o->sub == SIM_IT_SET) && !o->data) {
        o->datacap = sim_obj(S, o->v.iter.seq)->len + 1;
        o->v.iter.yielded = 0;
    }
    return it;
}

static SimId composite_next(PyRun *I, SimId it)
{
    SimXType xt = sim_xtype_of(S, it);
    switch (xt) {
    case SIM_XT_SEQ_ITER: return seq_iter_next(I, it);
    case SIM_XT_CALL_ITER: return call_iter_next(I, it);
    case SIM_XT_DICT_ITEMITER: return dict_items_next(I, it);
    case SIM_XT_DEQUE_ITER: case SIM_XT_DEQUE_REVITER: return deque_iter_next(I, it, xt);
    case SIM_XT_ODICT_ITER: return odict_iter_next(I, it);
    case SIM_XT_ENUMERATE: case SIM_XT_ZIP: case SIM_XT_MAP: case SIM_XT_FILTER: case SIM_XT_REVERSED:
    case SIM_XT_LIST_REVITER: case SIM_XT_DICT_REVKEYITER: case SIM_XT_DICT_REVVALUEITER:
    case SIM_XT_DICT_REVITEMITER:
        return lazy_next(I, it, xt);
    case SIM_XT_WR_GEN: case SIM_XT_WR_GEN_ITEMS:
        return weakref_gen_next(I, it);
    case SIM_XT_CM_GEN_KEYS: case SIM_XT_CM_GEN_VALUES: case SIM_XT_CM_GEN_ITEMS:
        return chainview_gen_next(I, it);
    case SIM_XT_ENUM_GEN:
        return enum_gen_next(I, it);
    default:
        if (xt >= SIM_XT_NATIVE_FIRST && xt <= SIM_XT_NATIVE_LAST) { /* a partial, an itemgetter */
            py_raise(I, EXC_TypeError, "'%s' object is not an iterator", op_typename(I, it));
            return 0;
        }
        return itertools_next(I, it, xt);
    }
}

SimId iter_next(PyRun *I, SimId it)
{
    if (sim_kind(S, it) == SK_GEN)
        return vm_gen_next(I, it);
    if (sim_kind(S, it) == SK_INSTANCE || (sim_is_subinst(S, it) && dunder_defines(I, it, "__next__")))
        return dunder_next(I, it); /* __next__ (slot_tp_iternext); StopIteration ends it */
    if (sim_kind(S, it) == SK_STRINGIO)
        return stringio_next(I, it);
    SimObj *o = sim_obj(S, it);
    if (o->sub == SIM_IT_COMPOSITE)
        return composite_next(I, it);
    if (!watched(o))
        return sim_iter_next(S, it);
    return watched_next(I, it);
}

int iter_step(PyRun *I, SimId it, SimId *out)
{
    uint64_t mark = I->nraised;
    *out = iter_next(I, it);
    if (*out)
        return 1;
    return I->ts->err.set && (I->nraised != mark || I->refused) ? -1 : 0;
}

int64_t iter_length_hint(PyRun *I, SimId it, int64_t dflt)
{
    SimXType xt = sim_xtype_of(S, it);
    SimId seq = sim_iter_refs(S, it)[0];
    switch (xt) {
    case SIM_XT_REVERSED: case SIM_XT_LIST_REVITER: { /* index + 1 while the sequence is there */
        int64_t n = seq ? sim_iter_int(S, it, 0) + 1 : 0;
        if (xt == SIM_XT_LIST_REVITER && seq && sim_obj(S, seq)->len < n)
            n = 0;
        return n;
    }
    case SIM_XT_DICT_ITEMITER:
        return seq ? sim_iter_int(S, it, DI_LEFT) : 0;
    case SIM_XT_SEQ_ITER: { /* iter_len: len(seq) - index when it has a __len__ */
        if (!seq)
            return 0;
        SimId r = dunder_len(I, seq);
        if (r == S->notimpl)
            return dflt;
        if (!r)
            return -1;
        int64_t n = sim_obj(S, r)->v.i - sim_iter_int(S, it, 0);
        sim_decref(S, r);
        return n > 0 ? n : 0;
    }
    default:
        return dflt; /* no __length_hint__: PyObject_LengthHint's default */
    }
}
