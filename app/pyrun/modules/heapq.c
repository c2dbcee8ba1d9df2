/*
 * heapq: the functions of CPython's _heapq (Modules/_heapqmodule.c, 3.11-
 * 3.13) on the program's lists: heappush, heappop, heapify, heappushpop,
 * heapreplace, and the max-heap helpers Lib/heapq.py's nlargest and
 * nsmallest use (heapq_select.c).  Every comparison is `<` through the
 * rich compare (a class's own __lt__, in CPython's order), with the items
 * compared held one more time while it runs, as the C code holds them.
 * The list grows by PyList_Append and shrinks by PyList_SetSlice, so its
 * allocation (sys.getsizeof) follows list_resize; nothing else is made.
 */
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/modules/heapq_int.h"
#include "pyrun/modules/std_import.h"
#include "pyrun/types/types.h"

#define S (I->sim)

/* PyObject_RichCompareBool(a, b, Py_LT) with both held meanwhile: 1, 0, -1 raised */
int heapq_lt(PyRun *I, SimId a, SimId b)
{
    sim_incref(S, a);
    sim_incref(S, b);
    SimId r = op_compare(I, OP_LT, a, b);
    int t = -1;
    if (r) {
        t = r == S->true_ ? 1 : r == S->false_ ? 0 : op_truth(I, r);
        sim_decref(S, r);
    }
    sim_decref(S, a);
    sim_decref(S, b);
    return t;
}

static bool changed_size(PyRun *I, SimId heap, uint32_t size)
{
    if (sim_obj(S, heap)->len == size)
        return false;
    py_raise(I, EXC_RuntimeError, "list changed size during iteration");
    return true;
}

static void swap(PyRun *I, SimId heap, uint32_t i, uint32_t j)
{
    SimId *arr = sim_items(S, heap), t = arr[i];
    arr[i] = arr[j];
    arr[j] = t;
}

/* siftdown / siftdown_max: the item at pos moves up past its parents */
bool heapq_siftdown(PyRun *I, SimId heap, uint32_t start, uint32_t pos, bool max)
{
    uint32_t size = sim_obj(S, heap)->len;
    while (pos > start) {
        uint32_t parent = (pos - 1) >> 1;
        SimId *arr = sim_items(S, heap);
        int c = max ? heapq_lt(I, arr[parent], arr[pos]) : heapq_lt(I, arr[pos], arr[parent]);
        if (c < 0 || changed_size(I, heap, size))
            return false;
        if (c == 0)
            break;
        swap(I, heap, parent, pos);
        pos = parent;
    }
    return true;
}

/* siftup / siftup_max: the smaller (larger) child moves up to a leaf, then
 * the item sifts down from there */
bool heapq_siftup(PyRun *I, SimId heap, uint32_t pos, bool max)
{
    uint32_t end = sim_obj(S, heap)->len, start = pos, limit = end >> 1;
    while (pos < limit) {
        uint32_t child = 2 * pos + 1;
        if (child + 1 < end) {
            SimId *arr = sim_items(S, heap);
            int c = max ? heapq_lt(I, arr[child + 1], arr[child]) : heapq_lt(I, arr[child], arr[child + 1]);
            if (c < 0)
                return false;
            child += (unsigned)c ^ 1u;
            if (changed_size(I, heap, end))
                return false;
        }
        swap(I, heap, child, pos);
        pos = child;
    }
    return heapq_siftdown(I, heap, start, pos, max);
}

/* the highest power of two not above n */
static uint32_t keep_top_bit(uint32_t n)
{
    int i = 0;
    while (n > 1) {
        n >>= 1;
        i++;
    }
    return n << i;
}

/* heapify_internal: bottom-up, or past 2500 items cache_friendly_heapify
 * (the same heap, its siftups in another order) */
bool heapq_heapify(PyRun *I, SimId heap, bool max)
{
    uint32_t n = sim_obj(S, heap)->len;
    if (n <= 2500) {
        for (int64_t i = (int64_t)(n >> 1) - 1; i >= 0; i--)
            if (!heapq_siftup(I, heap, (uint32_t)i, max))
                return false;
        return true;
    }
    uint32_t m = n >> 1, leftmost = keep_top_bit(m + 1) - 1, mhalf = m >> 1;
    for (int pass = 0; pass < 2; pass++) {
        int64_t hi = pass == 0 ? (int64_t)leftmost - 1 : (int64_t)m - 1, lo = pass == 0 ? mhalf : leftmost;
        for (int64_t i = hi; i >= lo; i--)
            for (uint32_t j = (uint32_t)i;; j >>= 1) {
                if (!heapq_siftup(I, heap, j, max))
                    return false;
                if (!(j & 1))
                    break;
            }
    }
    return true;
}

/* the clinic's subclass_of='&PyList_Type' check */
static bool is_heap(PyRun *I, SimId v, const char *fn, bool one)
{
    if (sim_kind(S, v) == SK_LIST)
        return true;
    py_raise(I, EXC_TypeError, "%s() argument%s must be list, not %s", fn, one ? "" : " 1", /* _PyArg_BadArgument */
             sim_kind(S, v) == SK_NONE ? "None" : op_typename(I, v));
    return false;
}

static SimId h_heappush(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    if (!is_heap(I, a[0], "heappush", false))
        return 0;
    sim_incref(S, a[1]);
    sim_list_append(S, a[0], a[1]);
    if (sim_nomem(S))
        return py_no_memory(I), (SimId)0;
    if (!heapq_siftdown(I, a[0], 0, sim_obj(S, a[0])->len - 1, false))
        return 0;
    return bi_none(I);
}

/* heappop_internal: the last item comes off (PyList_SetSlice shrinks the
 * list as list_resize does), takes the top's place and sifts up */
static SimId pop_top(PyRun *I, SimId heap, bool max)
{
    uint32_t n = sim_obj(S, heap)->len;
    if (n == 0) {
        py_raise(I, EXC_IndexError, "index out of range");
        return 0;
    }
    SimId last = sim_list_pop(S, heap, n - 1);
    if (n == 1)
        return last;
    SimId top = sim_items(S, heap)[0];
    sim_items(S, heap)[0] = last;
    if (!heapq_siftup(I, heap, 0, max)) {
        sim_decref(S, top);
        return 0;
    }
    return top;
}

static SimId h_heappop(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return is_heap(I, a[0], "heappop", true) ? pop_top(I, a[0], false) : 0;
}

/* heapreplace_internal: the top returned, item in its place, sifted up */
SimId heapq_replace(PyRun *I, SimId heap, SimId item, bool max)
{
    if (sim_obj(S, heap)->len == 0) {
        py_raise(I, EXC_IndexError, "index out of range");
        return 0;
    }
    SimId top = sim_items(S, heap)[0];
    sim_incref(S, item);
    sim_items(S, heap)[0] = item;
    if (!heapq_siftup(I, heap, 0, max)) {
        sim_decref(S, top);
        return 0;
    }
    return top;
}

static SimId h_heapreplace(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return is_heap(I, a[0], "heapreplace", false) ? heapq_replace(I, a[0], a[1], false) : 0;
}

static SimId h_heappushpop(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    SimId heap = a[0], item = a[1];
    if (!is_heap(I, heap, "heappushpop", false))
        return 0;
    if (sim_obj(S, heap)->len == 0) {
        sim_incref(S, item);
        return item;
    }
    int c = heapq_lt(I, sim_items(S, heap)[0], item);
    if (c < 0)
        return 0;
    if (c == 0) {
        sim_incref(S, item);
        return item;
    }
    return heapq_replace(I, heap, item, false); /* IndexError if a __lt__ emptied it */
}

static SimId h_heapify(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    if (!is_heap(I, a[0], "heapify", true) || !heapq_heapify(I, a[0], false))
        return 0;
    return bi_none(I);
}

/* _heappop_max, _heapreplace_max, _heapify_max: private, but Lib/heapq.py
 * exports them and programs copied from it call them */
static SimId h_heappop_max(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return is_heap(I, a[0], "_heappop_max", true) ? pop_top(I, a[0], true) : 0;
}

static SimId h_heapreplace_max(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return is_heap(I, a[0], "_heapreplace_max", false) ? heapq_replace(I, a[0], a[1], true) : 0;
}

static SimId h_heapify_max(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    if (!is_heap(I, a[0], "_heapify_max", true) || !heapq_heapify(I, a[0], true))
        return 0;
    return bi_none(I);
}

#define TWO(nm, f) BUILTIN(nm, 0, BM_HEAPQ, f, .style = ARGS_RANGE, .min = 2, .max = 2)
#define ONE(nm, f) BUILTIN(nm, 0, BM_HEAPQ, f, .style = ARGS_ONE)

const BuiltinDef heapq_functions[] = {
    TWO("heappush", h_heappush),
    ONE("heappop", h_heappop),
    ONE("heapify", h_heapify),
    TWO("heapreplace", h_heapreplace),
    TWO("heappushpop", h_heappushpop),
    ONE("_heappop_max", h_heappop_max),
    ONE("_heapify_max", h_heapify_max),
    TWO("_heapreplace_max", h_heapreplace_max),
    BUILTIN("nlargest", 0, BM_HEAPQ, heapq_nlargest, .style = ARGS_OWN, .kw = "n iterable key"),
    BUILTIN("nsmallest", 0, BM_HEAPQ, heapq_nsmallest, .style = ARGS_OWN, .kw = "n iterable key"),
    BUILTIN("merge", 0, BM_HEAPQ, NULL, .refused = true),
};
const int heapq_nfunctions = (int)(sizeof heapq_functions / sizeof heapq_functions[0]);

void heapq_module_init(PyRun *I, SimId d) { (void)I, (void)d; }

void heapq_on_import(PyRun *I) { std_import(I, STD_HEAPQ); }
