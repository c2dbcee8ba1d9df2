/*
 * odict_ops: what an OrderedDict does beyond its methods (collections_odict.c
 * has those): its iterator (odict_iterator, 80 bytes, tracked, holding the
 * next key and the dict: odictiter_nextkey), repr per version (3.11 a list
 * of pairs, 3.12+ a dict: `OrderedDict([('a', 1)])` / `OrderedDict({'a': 1})`),
 * == that also compares the order with another OrderedDict, and |, |=
 * (odict_or: a copy of the OrderedDict side, then mutablemapping_update).
 */
#include <string.h>

#include "pyrun/interp.h"
#include "pyrun/modules/collections.h"
#include "pyrun/types/types.h"

#define S (I->sim)

enum { OI_OD, OI_CURRENT, OI_RESULT };    /* refs */
enum { OI_KIND, OI_SIZE, OI_STATE };      /* ints */
#define OI_REVERSED 4                     /* beside the view kind in OI_KIND */

/* odictiter_new: PyObject_GC_New, the items' result pair, the first (or
 * last) key held, then tracked */
SimId odict_iter(PyRun *I, SimId od, int view, bool reversed)
{
    SimId it = sim_iter_composite(S, SIM_XT_ODICT_ITER, 3, 3, 0, false);
    if (sim_nomem(S)) {
        sim_decref(S, it);
        py_no_memory(I);
        return 0;
    }
    if (view == SIM_VIEW_ITEMS) {
        SimId t = sim_tuple(S, 2); /* PyTuple_Pack(2, None, None) */
        sim_tuple_set(S, t, 0, sim_none(S));
        sim_tuple_set(S, t, 1, sim_none(S));
        sim_iter_refs(S, it)[OI_RESULT] = t;
    }
    sim_iter_set_int(S, it, OI_KIND, view | (reversed ? OI_REVERSED : 0));
    uint32_t n = sim_odict_len(S, od);
    if (n) {
        SimId k = sim_odict_key(S, od, reversed ? n - 1 : 0);
        sim_incref(S, k);
        sim_iter_refs(S, it)[OI_CURRENT] = k;
    }
    sim_iter_set_int(S, it, OI_SIZE, sim_obj(S, od)->len);
    sim_iter_set_int(S, it, OI_STATE, sim_odict_state(S, od));
    sim_incref(S, od);
    sim_iter_refs(S, it)[OI_OD] = od;
    sim_track(S, it);
    return it;
}

static void clear_ref(PyRun *I, SimId it, int which)
{
    SimId r = sim_iter_refs(S, it)[which];
    sim_iter_refs(S, it)[which] = 0;
    sim_xdecref(S, r);
}

/* odictiter_nextkey: the key held (a new reference), the next one held in its place */
static SimId next_key(PyRun *I, SimId it)
{
    SimId od = sim_iter_refs(S, it)[OI_OD];
    if (!od)
        return 0;
    SimId cur = sim_iter_refs(S, it)[OI_CURRENT];
    if (!cur) {
        clear_ref(I, it, OI_OD);
        return 0;
    }
    if ((uint32_t)sim_iter_int(S, it, OI_STATE) != sim_odict_state(S, od)) {
        py_raise(I, EXC_RuntimeError, "OrderedDict mutated during iteration");
        clear_ref(I, it, OI_OD);
        return 0;
    }
    if (sim_iter_int(S, it, OI_SIZE) != (int64_t)sim_obj(S, od)->len) {
        py_raise(I, EXC_RuntimeError, "OrderedDict changed size during iteration");
        sim_iter_set_int(S, it, OI_SIZE, -1);
        return 0;
    }
    int64_t at = sim_odict_find(S, od, cur);
    if (at < 0) {
        if (!I->ts->err.set)
            py_raise_key(I, EXC_KeyError, cur);
        clear_ref(I, it, OI_CURRENT);
        return 0;
    }
    bool rev = (sim_iter_int(S, it, OI_KIND) & OI_REVERSED) != 0;
    int64_t nx = rev ? at - 1 : at + 1;
    SimId next = nx >= 0 && nx < (int64_t)sim_odict_len(S, od) ? sim_odict_key(S, od, (uint32_t)nx) : 0;
    if (next)
        sim_incref(S, next);
    sim_iter_refs(S, it)[OI_CURRENT] = next; /* the key's reference goes to the caller */
    return cur;
}

/* odictiter_iternext */
SimId odict_iter_next(PyRun *I, SimId it)
{
    SimId key = next_key(I, it);
    if (!key)
        return 0;
    int view = (int)(sim_iter_int(S, it, OI_KIND) & 3);
    if (view == SIM_VIEW_KEYS)
        return key;
    SimId value = sim_dict_get(S, sim_iter_refs(S, it)[OI_OD], key);
    if (!value) {
        if (!I->ts->err.set)
            py_raise_key(I, EXC_KeyError, key);
        sim_decref(S, key);
        clear_ref(I, it, OI_CURRENT);
        clear_ref(I, it, OI_OD);
        return 0;
    }
    sim_incref(S, value);
    if (view == SIM_VIEW_VALUES) {
        sim_decref(S, key);
        return value;
    }
    SimId r = sim_iter_refs(S, it)[OI_RESULT];
    sim_timing_seen_refcount(S); /* garbage may hold the result until the pin */
    if (sim_refcount(S, r) == 1) { /* not in use: reused */
        sim_incref(S, r);
        SimId ok = sim_items(S, r)[0], ov = sim_items(S, r)[1];
        sim_decref(S, ok);
        sim_decref(S, ov);
        if (!sim_is_tracked(S, r)) /* bpo-42536 */
            sim_track(S, r);
    } else {
        r = sim_tuple(S, 2);
    }
    sim_tuple_set(S, r, 0, key);
    sim_tuple_set(S, r, 1, value);
    return r;
}

/* PyMapping_Keys(od) (method_output_as_list): od.keys(), its iterator,
 * the list PySequence_List makes of it; a new reference, 0 raised */
SimId odict_keys_list(PyRun *I, SimId od)
{
    sim_incref(S, od);
    SimId view = sim_dictview(S, od, SIM_VIEW_KEYS);
    SimId it = odict_iter(I, od, SIM_VIEW_KEYS, false);
    sim_decref(S, view);
    if (!it)
        return 0;
    SimId l = sim_list(S, 0);
    for (SimId k; (k = odict_iter_next(I, it));)
        sim_list_append(S, l, k);
    sim_decref(S, it);
    if (I->ts->err.set) {
        sim_decref(S, l);
        return 0;
    }
    return l;
}

/* dict_merge's generic path into d (PyDict_Copy's, dict(od)'s): the keys
 * list, walked by its iterator, od[key] set in d for each */
bool odict_merge_into(PyRun *I, SimId d, SimId od, int override, SimId *dup)
{
    SimId keys = odict_keys_list(I, od);
    SimId it = keys ? iter_new(I, keys) : 0;
    sim_xdecref(S, keys);
    if (!it)
        return false;
    bool ok = true;
    for (SimId k; ok && (k = iter_next(I, it));) {
        if (override != DICT_MERGE_SET && sim_dict_get(S, d, k)) {
            if (override == DICT_MERGE_FAIL) {
                *dup = k; /* the dict still holds it */
                ok = false;
            }
            sim_decref(S, k);
            continue;
        }
        SimId v = sim_dict_get(S, od, k);
        if (!v) {
            py_raise_key(I, EXC_KeyError, k);
            sim_decref(S, k);
            ok = false;
            break;
        }
        sim_incref(S, v);
        sim_dict_set(S, d, k, v);
    }
    sim_decref(S, it);
    return ok && !I->ts->err.set;
}

/* ---- repr ------------------------------------------------------------------------ */

/* what odict_repr makes on its way and drops: 3.11 a list of (key, value)
 * pairs, 3.12+ PyDict_Copy's dict */
static void repr_scratch(PyRun *I, SimId od)
{
    if (S->prof->version == SIM_V311) {
        uint32_t n = sim_odict_len(S, od);
        SimId l = sim_list(S, n);
        for (uint32_t i = 0; i < n; i++) {
            SimId k = sim_odict_key(S, od, i), v = sim_dict_get(S, od, k);
            SimId t = sim_tuple(S, 2);
            sim_incref(S, k);
            sim_tuple_set(S, t, 0, k);
            sim_tuple_set(S, t, 1, v ? v : sim_none(S));
            if (v)
                sim_incref(S, v);
            sim_list_set(S, l, i, t);
        }
        sim_decref(S, l);
        return;
    }
    SimId copy = sim_dict(S), dup = 0;
    odict_merge_into(I, copy, od, DICT_MERGE_SET, &dup);
    sim_decref(S, copy);
}


static const char *class_name(PyRun *I, SimId od)
{
    return sim_type_name(S, od); /* _PyType_Name: the class's __name__ */
}

/* odict_repr, inside repr.c's recursion guard (the caller entered it:
 * a nested repr of od gives "...") */
bool odict_repr(PyRun *I, SimId od, Buf *out)
{
    bool v311 = S->prof->version == SIM_V311;
    repr_scratch(I, od);
    if (I->ts->err.set)
        return false;
    buf_adds(out, class_name(I, od));
    buf_adds(out, v311 ? "([" : "({");
    for (uint32_t i = 0; i < sim_odict_len(S, od); i++) {
        SimId k = sim_odict_key(S, od, i);
        SimId v = sim_dict_get(S, od, k);
        if (!v) {
            if (!I->ts->err.set)
                py_raise_key(I, EXC_KeyError, k);
            return false;
        }
        sim_incref(S, k);
        sim_incref(S, v);
        if (i)
            buf_adds(out, ", ");
        buf_adds(out, v311 ? "(" : "");
        bool ok = op_repr(I, k, out);
        buf_adds(out, v311 ? ", " : ": ");
        ok = ok && op_repr(I, v, out);
        buf_adds(out, v311 ? ")" : "");
        sim_decref(S, k);
        sim_decref(S, v);
        if (!ok)
            return false;
    }
    buf_adds(out, v311 ? "])" : "})");
    return true;
}

/* ---- == and | ---------------------------------------------------------------------- */

int odict_keys_equal(PyRun *I, SimId a, SimId b)
{
    uint32_t n = sim_odict_len(S, a);
    if (n != sim_odict_len(S, b))
        return 0;
    for (uint32_t i = 0; i < n && i < sim_odict_len(S, a) && i < sim_odict_len(S, b); i++) {
        SimId x = sim_odict_key(S, a, i), y = sim_odict_key(S, b, i);
        if (x == y)
            continue;
        SimId r = op_compare(I, OP_EQ, x, y);
        if (!r)
            return -1;
        int t = op_truth(I, r);
        sim_decref(S, r);
        if (t != 1)
            return t;
    }
    return 1;
}

SimId odict_or(PyRun *I, SimId a, SimId b, bool inplace)
{
    if (inplace && odict_is(I, a)) { /* odict_inplace_or: mutablemapping_update_arg(self, b) */
        if (!odict_update_arg(I, a, b))
            return 0;
        sim_incref(S, a);
        return a;
    }
    bool left = odict_is(I, a);
    SimId other = left ? b : a;
    if (sim_kind(S, other) != SK_DICT) {
        sim_incref(S, S->notimpl);
        return S->notimpl;
    }
    SimId cls = sim_obj(S, left ? a : b)->type; /* type(od)(a), then b merged in */
    SimId r = odict_new_like(I, cls, "'|'");
    if (!r)
        return 0;
    if (!odict_update_arg(I, r, a) || !odict_update_arg(I, r, b)) {
        sim_decref(S, r);
        return 0;
    }
    return r;
}
