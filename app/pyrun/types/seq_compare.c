/*
 * seq_compare: <, <=, >, >= between two lists or two tuples as
 * list_richcompare and tuplerichcompare make them: the first index where
 * the items differ by == (PyObject_RichCompareBool: identity first, then
 * the items' own __eq__), then the shorter one is smaller when none does,
 * else the answer is the rich compare of those two items (a class's own
 * __lt__, whatever it returns).
 */
#include "pyrun/types/types.h"

#define S (I->sim)

SimId seq_richcompare(PyRun *I, int op, SimId a, SimId b)
{
    bool list = sim_kind(S, a) == SK_LIST;
    uint32_t i = 0;
    for (;; i++) { /* a list's length is read again: an __eq__ may change it */
        if (i >= sim_obj(S, a)->len || i >= sim_obj(S, b)->len)
            break;
        SimId x = sim_items(S, a)[i], y = sim_items(S, b)[i];
        if (list) { /* list_richcompare holds the two items meanwhile */
            sim_incref(S, x);
            sim_incref(S, y);
        }
        int eq = op_equal(I, x, y);
        if (list) {
            sim_decref(S, x);
            sim_decref(S, y);
        }
        if (eq < 0)
            return 0;
        if (!eq)
            break;
    }
    uint32_t na = sim_obj(S, a)->len, nb = sim_obj(S, b)->len;
    if (i >= na || i >= nb) {
        bool r = op == OP_LT ? na < nb : op == OP_LE ? na <= nb : op == OP_GT ? na > nb : na >= nb;
        return sim_bool(S, r);
    }
    return op_compare(I, op, sim_items(S, a)[i], sim_items(S, b)[i]);
}
