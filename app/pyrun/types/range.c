/*
 * range: the range type's constructor, its slices, its start, stop and
 * step, and its methods index and count (Objects/rangeobject.c).
 */
#include "pyrun/builtins.h"
#include "pyrun/modules/tracemalloc.h"
#include "pyrun/types/types.h"
#include "sim/trace.h"

#define S (I->sim)

SimId range_construct(PyRun *I, SimId *a, int n, SimId kw)
{
    int np = bi_npos(I, n, kw);
    int64_t v[3] = {0, 0, 1};
    if (!bi_nargs(I, "range", np, 1, 3))
        return 0;
    for (int i = 0; i < np; i++)
        if ((sim_kind(S, a[i]) == SK_INT && sim_obj(S, a[i])->sub == 1 &&
             !py_not_modelled(I, 0, "a range whose bounds go beyond 64 bits")) ||
            !bi_int_arg(I, a[i], &v[np == 1 ? 1 : i]))
            return 0;
    if (v[2] == 0) {
        py_raise(I, EXC_ValueError, "range() arg 3 must not be zero");
        return 0;
    }
    return sim_range(S, v[0], v[1], v[2]);
}

/* an int CPython shares (the small ints): no block of its own */
static bool small_int(int64_t v) { return v >= -5 && v <= 256; }

/* range[slice] (compute_slice): the slice's bounds over the range's length
 * (_PySlice_GetLongIndices), each made an item of the range (compute_item:
 * start + i * step) and the steps multiplied, a new range of them. */
SimId range_slice(PyRun *I, SimId range, SimId sl)
{
    const int64_t *r = (const int64_t *)(const void *)sim_items(S, range);
    int64_t start = sim_obj(S, range)->v.i, stop = r[0], step = r[1];
    int64_t len = step > 0 ? (stop > start ? (stop - start - 1) / step + 1 : 0)
                           : (start > stop ? (start - stop - 1) / -step + 1 : 0);
    int64_t i0, i1, k;
    if (!slice_bounds_of(I, sl, len, &i0, &i1, &k))
        return 0;
    int64_t a, b, c, sa, sb, sc;
    if (__builtin_mul_overflow(i0, step, &a) || __builtin_add_overflow(start, a, &sa) ||
        __builtin_mul_overflow(i1, step, &b) || __builtin_add_overflow(start, b, &sb) ||
        __builtin_mul_overflow(step, k, &sc) || sc == INT64_MIN)
        return py_not_modelled(I, 0, "a slice of a range whose bounds go beyond 64 bits"), 0;
    c = sc;
    /* the new bounds, the step and the products on the way are ints of
     * their own unless small: their blocks are not followed */
    if (sim_tracing(S) && !(small_int(sa) && small_int(sb) && small_int(c) && small_int(a) && small_int(b)))
        tm_note_unsure(I, "a slice of a range beyond the small ints (the ints of its bounds)");
    return sim_range(S, sa, sb, c);
}

/* the range's start, stop and step, and its length */
static void parts(PyRun *I, SimId range, int64_t *start, int64_t *stop, int64_t *step, int64_t *len)
{
    const int64_t *r = (const int64_t *)(const void *)sim_items(S, range);
    *start = sim_obj(S, range)->v.i, *stop = r[0], *step = r[1];
    *len = *step > 0 ? (*stop > *start ? (*stop - *start - 1) / *step + 1 : 0)
                     : (*start > *stop ? (*start - *stop - 1) / -*step + 1 : 0);
}

SimId range_member(PyRun *I, SimId range, int which)
{
    int64_t p[3], len;
    parts(I, range, &p[0], &p[1], &p[2], &len);
    /* CPython hands out the int the range holds; the model keeps the value */
    if (!small_int(p[which]) && sim_tracing(S))
        tm_note_unsure(I, "a range's start, stop or step beyond the small ints (the int it holds)");
    return sim_int(S, p[which]);
}

/* range_contains_long for an exact int or a bool: its position, or -1 */
static int64_t position(PyRun *I, SimId range, SimId v)
{
    int64_t start, stop, step, len;
    parts(I, range, &start, &stop, &step, &len);
    if (sim_obj(S, v)->sub == 1) /* a big int: beyond any 64-bit range */
        return -1;
    int64_t x = sim_obj(S, v)->v.i;
    if (step > 0 ? (x < start || x >= stop) : (x > start || x <= stop))
        return -1;
    if (sim_tracing(S) && !(small_int(x - start) && small_int((x - start) / step)))
        tm_note_peak_unsure(I, "range.index or count beyond the small ints (ints made on the way)");
    return (x - start) % step == 0 ? (x - start) / step : -1;
}

static bool exact_int(PyRun *I, SimId v)
{
    SimKind k = sim_kind(S, v);
    return (k == SK_INT && !sim_is_subinst(S, v)) || k == SK_BOOL;
}

static SimId m_count(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "count", n - 1, 1, 1))
        return 0;
    if (exact_int(I, a[1]))
        return sim_int(S, position(I, a[0], a[1]) >= 0);
    return py_not_modelled(I, 0, "range.count of an object other than an int (compared item by item)"), 0;
}

static SimId m_index(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "index", n - 1, 1, 1))
        return 0;
    if (!exact_int(I, a[1]))
        return py_not_modelled(I, 0, "range.index of an object other than an int (compared item by item)"), 0;
    int64_t i = position(I, a[0], a[1]);
    if (i >= 0)
        return sim_int(S, i);
    Buf r = {0};
    if (op_repr(I, a[1], &r))
        py_raise(I, EXC_ValueError, "%s is not in range", buf_str(&r));
    buf_fini(&r);
    return 0;
}

const BuiltinDef range_methods[] = {
    BUILTIN("count", SK_RANGE, 0, m_count, .style = ARGS_ONE),
    BUILTIN("index", SK_RANGE, 0, m_index, .style = ARGS_ONE),
};
const int range_nmethods = (int)(sizeof range_methods / sizeof range_methods[0]);
