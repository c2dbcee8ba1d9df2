/*
 * deque_ops: the protocols of collections.deque as _collectionsmodule.c
 * answers them — its iterators (each holds the deque, its position, the
 * deque's mutation counter and the items left), item access by index,
 * `in`, comparison item by item through two iterators, repr through a
 * list (PySequence_List) and the maxlen attribute.
 */
#include <string.h>

#include "pyrun/modules/collections.h"
#include "pyrun/types/types.h"

#define S (I->sim)
#define REFS(it) sim_iter_refs(S, it)

enum { DI_POS, DI_STATE, DI_COUNTER };

SimId deque_iter(PyRun *I, SimId d, bool reverse)
{
    SimId it = iter_composite(I, reverse ? SIM_XT_DEQUE_REVITER : SIM_XT_DEQUE_ITER, 1, 3, 0, false);
    if (!it)
        return 0;
    sim_incref(S, d);
    REFS(it)[0] = d;
    uint32_t len = sim_obj(S, d)->len;
    sim_iter_set_int(S, it, DI_POS, reverse ? (int64_t)len - 1 : 0);
    sim_iter_set_int(S, it, DI_STATE, sim_deque_state(S, d));
    sim_iter_set_int(S, it, DI_COUNTER, len);
    sim_track(S, it); /* PyObject_GC_New, then PyObject_GC_Track */
    return it;
}

SimId deque_iter_next(PyRun *I, SimId it, SimXType xt)
{
    SimId d = REFS(it)[0];
    if ((uint32_t)sim_iter_int(S, it, DI_STATE) != sim_deque_state(S, d)) {
        sim_iter_set_int(S, it, DI_COUNTER, 0);
        py_raise(I, EXC_RuntimeError, "deque mutated during iteration");
        return 0;
    }
    int64_t left = sim_iter_int(S, it, DI_COUNTER), pos = sim_iter_int(S, it, DI_POS);
    if (left == 0)
        return 0;
    SimId item = sim_deque_item(S, d, (size_t)pos);
    sim_iter_set_int(S, it, DI_POS, xt == SIM_XT_DEQUE_REVITER ? pos - 1 : pos + 1);
    sim_iter_set_int(S, it, DI_COUNTER, left - 1);
    sim_incref(S, item);
    return item;
}

/* ---- items ------------------------------------------------------------------------ */

static bool index_arg(PyRun *I, SimId d, SimId key, int64_t *i)
{
    SimKind k = sim_kind(S, key);
    if (k != SK_INT && k != SK_BOOL) {
        py_raise(I, EXC_TypeError, "sequence index must be integer, not '%s'", op_typename(I, key));
        return false;
    }
    if (sim_obj(S, key)->sub == 1) {
        py_raise(I, EXC_IndexError, "cannot fit 'int' into an index-sized integer");
        return false;
    }
    int64_t len = sim_obj(S, d)->len;
    *i = sim_obj(S, key)->v.i;
    if (*i < 0)
        *i += len;
    if (*i < 0 || *i >= len) {
        py_raise(I, EXC_IndexError, "deque index out of range");
        return false;
    }
    return true;
}

SimId deque_getitem(PyRun *I, SimId d, SimId key)
{
    int64_t i;
    if (!index_arg(I, d, key, &i))
        return 0;
    SimId v = sim_deque_item(S, d, (size_t)i);
    sim_incref(S, v);
    return v;
}

bool deque_setitem(PyRun *I, SimId d, SimId key, SimId v)
{
    int64_t i;
    if (!index_arg(I, d, key, &i))
        return false;
    sim_incref(S, v);
    sim_deque_set_item(S, d, (size_t)i, v);
    return true;
}

bool deque_delitem(PyRun *I, SimId d, SimId key)
{
    int64_t i;
    if (!index_arg(I, d, key, &i))
        return false;
    /* deque_del_item: to the left end, popped, rotated back */
    sim_deque_rotate(S, d, -i);
    SimId item = sim_deque_pop(S, d, true);
    sim_deque_rotate(S, d, i);
    sim_xdecref(S, item);
    return true;
}

int deque_contains(PyRun *I, SimId d, SimId x)
{
    uint32_t state = sim_deque_state(S, d);
    for (uint32_t i = 0; i < sim_obj(S, d)->len; i++) {
        SimId item = sim_deque_item(S, d, i);
        sim_incref(S, item);
        int eq = item == x ? 1 : op_equal(I, item, x);
        sim_decref(S, item);
        if (eq < 0)
            return -1;
        if (state != sim_deque_state(S, d)) {
            py_raise(I, EXC_RuntimeError, "deque mutated during iteration");
            return -1;
        }
        if (eq > 0)
            return 1;
    }
    return 0;
}

/* ---- comparison ----------------------------------------------------------------------- */

static SimId compare_ints(PyRun *I, int op, int64_t a, int64_t b)
{
    bool r = op == OP_LT ? a < b : op == OP_LE ? a <= b : op == OP_EQ ? a == b
           : op == OP_NE ? a != b : op == OP_GT ? a > b : a >= b;
    return sim_bool(S, r);
}

SimId deque_compare(PyRun *I, int op, SimId d, SimId e)
{
    if (sim_kind(S, d) != SK_DEQUE || sim_kind(S, e) != SK_DEQUE)
        return S->notimpl;
    int64_t vs = sim_obj(S, d)->len, ws = sim_obj(S, e)->len;
    if ((op == OP_EQ || op == OP_NE) && vs != ws) /* shortcuts */
        return sim_bool(S, op == OP_NE);
    SimId it1 = deque_iter(I, d, false), it2 = it1 ? deque_iter(I, e, false) : 0;
    SimId r = 0;
    while (it2) {
        SimId x = deque_iter_next(I, it1, SIM_XT_DEQUE_ITER);
        SimId y = x ? deque_iter_next(I, it2, SIM_XT_DEQUE_ITER) : 0;
        if (!x || !y) {
            sim_xdecref(S, x);
            if (!I->ts->err.set)
                r = compare_ints(I, op, vs, ws);
            break;
        }
        int eq = x == y ? 1 : op_equal(I, x, y);
        if (eq != 1) {
            r = eq < 0 ? 0 : op == OP_EQ ? sim_bool(S, false) : op == OP_NE ? sim_bool(S, true)
                                                            : op_compare(I, op, x, y);
            sim_decref(S, x), sim_decref(S, y);
            break;
        }
        sim_decref(S, x), sim_decref(S, y);
    }
    sim_xdecref(S, it1);
    sim_xdecref(S, it2);
    return r;
}

/* ---- repr and attributes ---------------------------------------------------------------- */

bool deque_repr(PyRun *I, SimId d, Buf *out)
{
    SimId l = bi_list_from(I, d); /* PySequence_List */
    if (!l)
        return false;
    buf_adds(out, "deque(");
    bool ok = op_repr(I, l, out);
    sim_decref(S, l);
    int64_t maxlen = sim_deque_maxlen(S, d);
    if (ok && maxlen >= 0)
        buf_printf(out, ", maxlen=%lld", (long long)maxlen);
    buf_addc(out, ')');
    return ok;
}

SimId deque_attr(PyRun *I, SimId d, const char *name, bool *found)
{
    *found = strcmp(name, "maxlen") == 0;
    if (!*found)
        return 0;
    int64_t m = sim_deque_maxlen(S, d);
    return m < 0 ? bi_none(I) : sim_int(S, m);
}
