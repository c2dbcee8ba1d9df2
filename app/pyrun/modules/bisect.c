/*
 * bisect: CPython's _bisect (Modules/_bisectmodule.c, 3.11-3.13):
 * bisect_right (also `bisect`, the same function object), bisect_left,
 * insort_right (also `insort`) and insort_left, with lo, hi and the
 * keyword-only key of 3.10+.  Argument Clinic parses (a, x, lo=0,
 * hi=None, *, key=None) with its messages; each probe is
 * PySequence_GetItem(a, (lo + hi) // 2), key applied to the item (never to
 * x, except insort's key(x) first), compared with `<` by the rich compare.
 * The index comes back as PyLong_FromSsize_t makes it; insort inserts
 * into a list with PyList_Insert (list_resize's growth).  Sequences other
 * than lists, tuples, str and range are refused, and so is insort into
 * anything but an exact list, a tuple, a str or a range (CPython calls its
 * insert method: their AttributeError).
 */
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/modules/heapq_int.h"
#include "pyrun/modules/std_import.h"
#include "pyrun/types/types.h"
#include "sim/subinst.h"

#define S (I->sim)

typedef struct Probe {
    SimId a, x, key; /* borrowed; key 0 for None */
    int64_t lo, hi;  /* hi -1: len(a) */
} Probe;

static const char *const names[5] = {"a", "x", "lo", "hi", "key"};

/* the clinic parser of (a, x, lo=0, hi=None, *, key=None): false raised */
static bool parse(PyRun *I, const char *fn, SimId *args, int nargs, SimId kw, Probe *p)
{
    int np = bi_npos(I, nargs, kw);
    SimId v[5] = {0};
    if (np > 4) {
        py_raise(I, EXC_TypeError, "%s() takes at most 4 positional arguments (%d given)", fn, np);
        return false;
    }
    for (int i = 0; i < np; i++)
        v[i] = args[i];
    for (int i = 0; i < 5; i++) {
        SimId k = bi_kwarg(I, args, nargs, kw, names[i]);
        if (k && v[i]) {
            py_raise(I, EXC_TypeError, "argument for %s() given by name ('%s') and position (%d)", fn, names[i], i + 1);
            return false;
        }
        if (k)
            v[i] = k;
    }
    for (int i = 0; i < 2; i++)
        if (!v[i]) {
            py_raise(I, EXC_TypeError, "%s() missing required argument '%s' (pos %d)", fn, names[i], i + 1);
            return false;
        }
    *p = (Probe){v[0], v[1], v[4] && sim_kind(S, v[4]) != SK_NONE ? v[4] : 0, 0, -1};
    if (v[2] && !bi_int_arg(I, v[2], &p->lo))
        return false;
    if (v[3] && sim_kind(S, v[3]) != SK_NONE) {
        if (sim_kind(S, v[3]) != SK_INT && sim_kind(S, v[3]) != SK_BOOL) {
            py_raise(I, EXC_TypeError, "argument should be integer or None, not '%s'", op_typename(I, v[3]));
            return false;
        }
        if (sim_obj(S, v[3])->sub == 1) { /* PyNumber_AsSsize_t(hi, PyExc_OverflowError) */
            py_raise(I, EXC_OverflowError, "cannot fit 'int' into an index-sized integer");
            return false;
        }
        if (!bi_int_arg(I, v[3], &p->hi))
            return false;
    }
    if (p->lo < 0) {
        py_raise(I, EXC_ValueError, "lo must be non-negative");
        return false;
    }
    return true;
}

/* PySequence_Size(a) for the sequences the model probes; -1 raised or refused */
static int64_t seq_size(PyRun *I, SimId a)
{
    const SimObj *o = sim_obj(S, a);
    switch ((SimKind)o->kind) {
    case SK_LIST: case SK_TUPLE: return sim_is_subinst(S, a) ? -2 : (int64_t)o->len;
    case SK_STR: return o->cap;
    case SK_RANGE: {
        const int64_t *r = (const int64_t *)(const void *)sim_items(S, a);
        int64_t start = o->v.i, stop = r[0], step = r[1];
        return step > 0 ? (stop > start ? (stop - start + step - 1) / step : 0)
                        : (start > stop ? (start - stop - step - 1) / -step : 0);
    }
    case SK_DICT:
        py_raise(I, EXC_TypeError, "%s is not a sequence", op_typename(I, a));
        return -1;
    case SK_NONE: case SK_BOOL: case SK_INT: case SK_FLOAT: case SK_COMPLEX:
        py_raise(I, EXC_TypeError, "object of type '%s' has no len()", op_typename(I, a));
        return -1;
    default: return -2;
    }
}

static bool refuse_seq(PyRun *I, const char *fn, SimId a)
{
    return py_not_modelled(I, 0, "bisect.%s() on a %s (its item access)", fn, op_typename(I, a));
}

/* PySequence_GetItem(a, i): a new reference, or 0 raised */
static SimId item_at(PyRun *I, SimId a, int64_t i)
{
    SimKind k = sim_kind(S, a);
    if ((k == SK_LIST || k == SK_TUPLE) && i < (int64_t)sim_obj(S, a)->len) {
        SimId v = sim_items(S, a)[i];
        sim_incref(S, v);
        return v;
    }
    SimId key = sim_int(S, i);
    SimId v = op_getitem(I, a, key);
    sim_decref(S, key);
    return v;
}

/* internal_bisect_right / _left: the index, or -1 raised */
static int64_t search(PyRun *I, const char *fn, const Probe *p, SimId x, bool right)
{
    int64_t lo = p->lo, hi = p->hi;
    SimKind k = sim_kind(S, p->a);
    if ((k != SK_LIST && k != SK_TUPLE && k != SK_STR && k != SK_RANGE && k != SK_DICT && k != SK_NONE &&
         k != SK_BOOL && k != SK_INT && k != SK_FLOAT && k != SK_COMPLEX) ||
        ((k == SK_LIST || k == SK_TUPLE) && sim_is_subinst(S, p->a)))
        return refuse_seq(I, fn, p->a), -1;
    if (hi == -1) {
        hi = seq_size(I, p->a);
        if (hi == -2)
            return refuse_seq(I, fn, p->a), -1;
        if (hi < 0)
            return -1;
    } else if (k != SK_LIST && k != SK_TUPLE && k != SK_STR && k != SK_RANGE && lo < hi) {
        return refuse_seq(I, fn, p->a), -1;
    }
    while (lo < hi) {
        int64_t mid = (int64_t)(((uint64_t)lo + (uint64_t)hi) / 2);
        SimId item = item_at(I, p->a, mid);
        if (!item)
            return -1;
        if (p->key) {
            SimId kv = vm_call(I, p->key, &item, 1);
            sim_decref(S, item);
            if (!kv)
                return -1;
            item = kv;
        }
        int c = right ? heapq_lt(I, x, item) : heapq_lt(I, item, x);
        sim_decref(S, item);
        if (c < 0)
            return -1;
        if (right == (c == 1))
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

static SimId do_bisect(PyRun *I, SimId *a, int n, SimId kw, bool right)
{
    const char *fn = right ? "bisect_right" : "bisect_left";
    Probe p;
    if (!parse(I, fn, a, n, kw, &p))
        return 0;
    int64_t i = search(I, fn, &p, p.x, right);
    return i < 0 ? 0 : sim_int_digits(S, i);
}

static SimId do_insort(PyRun *I, SimId *a, int n, SimId kw, bool right)
{
    const char *fn = right ? "insort_right" : "insort_left";
    Probe p;
    if (!parse(I, fn, a, n, kw, &p))
        return 0;
    SimKind k = sim_kind(S, p.a);
    bool no_insert = (k == SK_TUPLE || k == SK_STR || k == SK_RANGE) && !sim_is_subinst(S, p.a);
    if ((k != SK_LIST || sim_is_subinst(S, p.a)) && !no_insert) /* PyObject_CallMethod(a, "insert", ...) */
        return py_not_modelled(I, 0, "bisect.%s() into a %s (its insert method)", fn, op_typename(I, p.a)),
               (SimId)0;
    SimId x = p.x;
    if (p.key) {
        x = vm_call(I, p.key, &p.x, 1);
        if (!x)
            return 0;
    } else {
        sim_incref(S, x);
    }
    int64_t i = search(I, fn, &p, x, right);
    sim_decref(S, x);
    if (i < 0)
        return 0;
    if (no_insert) { /* the method lookup fails */
        py_raise(I, EXC_AttributeError, "'%s' object has no attribute 'insert'", op_typename(I, p.a));
        return 0;
    }
    sim_incref(S, p.x);
    sim_list_insert(S, p.a, (size_t)i, p.x);
    if (sim_nomem(S))
        return py_no_memory(I), (SimId)0;
    return bi_none(I);
}

static SimId b_bisect_right(PyRun *I, SimId *a, int n, SimId kw) { return do_bisect(I, a, n, kw, true); }
static SimId b_bisect_left(PyRun *I, SimId *a, int n, SimId kw) { return do_bisect(I, a, n, kw, false); }
static SimId b_insort_right(PyRun *I, SimId *a, int n, SimId kw) { return do_insort(I, a, n, kw, true); }
static SimId b_insort_left(PyRun *I, SimId *a, int n, SimId kw) { return do_insort(I, a, n, kw, false); }

#define F(nm, f) \
    BUILTIN(nm, 0, BM_BISECT, f, .style = ARGS_OWN, .kw = "a x lo hi key", .clinic = nm ":a x lo hi key")

const BuiltinDef bisect_functions[] = {
    F("bisect_right", b_bisect_right),
    F("bisect_left", b_bisect_left),
    F("insort_right", b_insort_right),
    F("insort_left", b_insort_left),
};
const int bisect_nfunctions = (int)(sizeof bisect_functions / sizeof bisect_functions[0]);

/* Lib/bisect.py: bisect = bisect_right, insort = insort_right (the same objects) */
void bisect_module_init(PyRun *I, SimId d)
{
    static const char *const alias[2][2] = {{"bisect", "bisect_right"}, {"insort", "insort_right"}};
    for (int i = 0; i < 2; i++) {
        SimId f = sim_dict_get_str(S, d, alias[i][1]);
        if (f) {
            sim_incref(S, f);
            bi_dict_put(I, d, alias[i][0], f);
        }
    }
}

void bisect_on_import(PyRun *I) { std_import(I, STD_BISECT); }
