/*
 * list: the list type's behaviour — its constructor, methods (shared with
 * tuple, dict and set where CPython's behave alike), extension
 * with CPython's presizing, and the stable sort.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "pyrun/builtins.h"
#include "pyrun/modules/tracemalloc.h"
#include "pyrun/types/bigint.h"
#include "pyrun/types/types.h"

#define S (I->sim)

/* ---- growth and sorting -------------------------------------------------- */

void list_preallocate(PyRun *I, SimId list, size_t n)
{
    sim_list_reserve_exact(S, list, (n + 1) & ~(size_t)1);
}

/* the __length_hint__ of the containers' iterators: what is left */
static int64_t simple_iter_hint(PyRun *I, SimId it, int64_t dflt)
{
    const SimObj *o = sim_obj(S, it);
    SimId seq = o->v.iter.seq;
    switch (o->sub) {
    case SIM_IT_LIST: case SIM_IT_TUPLE: case SIM_IT_BYTES: case SIM_IT_ARRAY: {
        int64_t n = (int64_t)sim_obj(S, seq)->len - o->cap;
        return n > 0 ? n : 0;
    }
    case SIM_IT_STR: { /* the characters after the byte offset */
        size_t len;
        const char *d = sim_str_data(S, seq, &len);
        int64_t n = 0;
        for (size_t i = o->cap; i < len; i++)
            n += ((unsigned char)d[i] & 0xc0) != 0x80;
        return n;
    }
    case SIM_IT_SET: case SIM_IT_DICT: /* si_len / di_len: the size seen less what was given */
        if (!o->datacap || o->data)
            return dflt;
        return (int64_t)o->datacap - 1 - o->v.iter.yielded > 0 ? (int64_t)o->datacap - 1 - o->v.iter.yielded : 0;
    default:
        return dflt;
    }
}

int64_t py_length_hint(PyRun *I, SimId src, int64_t dflt)
{
    if (enum_is_enum_class(I, src)) { /* EnumType.__len__ */
        SimId r = enum_len(I, src);
        int64_t n = r ? sim_obj(S, r)->v.i : -1;
        sim_xdecref(S, r);
        return n;
    }
    const SimObj *o = sim_obj(S, src);
    SimKind kind = metaclass_of_class(I, src) ? SK_INSTANCE : (SimKind)o->kind; /* its metaclass's __len__ */
    if (sim_is_subinst(S, src) && dunder_defines(I, src, "__len__")) /* a subclass's own (slot_sq_length) */
        kind = SK_INSTANCE;
    switch (kind) {
    case SK_LIST: case SK_TUPLE: return o->len;
    case SK_STR: return o->cap;
    case SK_BYTES: case SK_BYTEARRAY: case SK_DICT: case SK_SET: case SK_DEQUE: case SK_ARRAY: return o->len;
    case SK_DICTVIEW: return sim_obj(S, o->v.view.dict)->len;
    case SK_RANGE: {
        const int64_t *r = (const int64_t *)(const void *)sim_items(S, src);
        int64_t start = o->v.i, stop = r[0], step = r[1];
        return step > 0 ? (stop > start ? (stop - start + step - 1) / step : 0)
                        : (start > stop ? (start - stop - step - 1) / -step : 0);
    }
    case SK_INSTANCE: { /* PyObject_LengthHint: __len__, else the default */
        SimId r = dunder_len(I, src);
        if (r == S->notimpl)
            return dflt;
        if (!r)
            return -1;
        int64_t n = sim_obj(S, r)->v.i;
        sim_decref(S, r);
        return n;
    }
    case SK_ITER:
        if (o->sub == SIM_IT_COMPOSITE) /* enumerate, zip, map ...: their own __length_hint__ or 8 */
            return iter_length_hint(I, src, dflt);
        if (o->sub == SIM_IT_RANGE && o->data) { /* rangeiter_len */
            const int64_t *r = (const int64_t *)(const void *)sim_items(S, src);
            int64_t cur = r[0], stop = r[1], step = r[2];
            return step > 0 ? (stop > cur ? (stop - cur + step - 1) / step : 0)
                            : (cur > stop ? (cur - stop - step - 1) / -step : 0);
        }
        if (!o->v.iter.seq) /* exhausted */
            return 0;
        return simple_iter_hint(I, src, dflt);
    default: return dflt;
    }
}

/* 3.13's list_extend_dict, list_extend_dictitems and list_extend_set: an
 * exact dict, set or dict view walked in place (no iterator), after one
 * list_resize for all its items (an items view makes a new 2-tuple each) */
static bool walked_in_place(PyRun *I, SimId src)
{
    if (!S->prof->extend_dict_resizes || sim_is_subinst(S, src))
        return false;
    SimKind k = sim_kind(S, src);
    if (k == SK_DICTVIEW) {
        int view = sim_obj(S, src)->sub;
        return view <= SIM_VIEW_ITEMS && sim_type_of(S, src) == S->xtypes[SIM_XT_DICT_KEYS + view] &&
               !sim_is_subinst(S, SIM_V(S, src, SK_DICTVIEW, view.dict));
    }
    return k == SK_DICT || k == SK_SET;
}

static void extend_in_place(PyRun *I, SimId list, SimId src)
{
    SimKind k = sim_kind(S, src);
    SimId table = k == SK_DICTVIEW ? SIM_V(S, src, SK_DICTVIEW, view.dict) : src;
    int view = k == SK_DICTVIEW ? sim_obj(S, src)->sub : SIM_VIEW_KEYS;
    uint32_t m = sim_obj(S, list)->len, n = sim_obj(S, table)->len;
    if (n == 0)
        return;
    sim_list_resize(S, list, (size_t)m + n);
    sim_obj(S, list)->len = m;
    if (sim_nomem(S))
        return;
    uint32_t pos = 0;
    SimId key, value;
    for (uint32_t i = 0; sim_obj(S, list)->len < m + n; i++) {
        SimId item;
        if (k == SK_SET) {
            if (i >= SIM_V(S, table, SK_SET, set.slots))
                break;
            if (!(item = sim_items(S, table)[i]))
                continue;
            sim_incref(S, item);
        } else {
            if (!sim_dict_next(S, table, &pos, &key, &value))
                break;
            if (view == SIM_VIEW_ITEMS) {
                item = sim_tuple(S, 2);
                sim_incref(S, key), sim_incref(S, value);
                sim_tuple_set(S, item, 0, key);
                sim_tuple_set(S, item, 1, value);
            } else {
                item = view == SIM_VIEW_KEYS ? key : value;
                sim_incref(S, item);
            }
        }
        sim_items(S, list)[sim_obj(S, list)->len++] = item;
    }
}

bool list_extend(PyRun *I, SimId list, SimId src)
{
    SimKind k = sim_kind(S, src);
    if (walked_in_place(I, src)) {
        extend_in_place(I, list, src);
        return true;
    }
    if ((k == SK_LIST || k == SK_TUPLE) && !subinst_overrides_iter(I, src)) {
        uint32_t m = sim_obj(S, list)->len, n = sim_obj(S, src)->len;
        if (n == 0)
            return true;
        if (sim_obj(S, list)->cap == 0)
            list_preallocate(I, list, n);
        sim_list_resize(S, list, (size_t)m + n);
        for (uint32_t i = 0; i < n; i++) {
            SimId v = sim_items(S, src)[i];
            sim_incref(S, v);
            sim_items(S, list)[m + i] = v;
        }
        return true;
    }
    SimId it = iter_new(I, src);
    if (!it) {
        if (!I->ts->err.set && !I->refused)
            py_raise(I, EXC_TypeError, "'%s' object is not iterable", op_typename(I, src));
        return false;
    }
    int64_t hint = py_length_hint(I, src, 8);
    if (hint < 0) {
        sim_decref(S, it);
        return false;
    }
    uint32_t m = sim_obj(S, list)->len;
    bool dictlike = k == SK_DICT || k == SK_SET || k == SK_DICTVIEW;
    if (hint > 0 && sim_obj(S, list)->cap == 0 && !(dictlike && S->prof->extend_dict_resizes)) {
        list_preallocate(I, list, (size_t)hint); /* an empty list: exactly (measured, 3.11-3.13) */
    } else if (hint > 0) { /* make room once, as list_extend does */
        sim_list_resize(S, list, (size_t)m + (size_t)hint);
        sim_obj(S, list)->len = m;
    }
    SimId v;
    int got;
    while ((got = iter_step(I, it, &v)) > 0) { /* a generator runs Python code */
        SimObj *o = sim_obj(S, list);
        if (o->len < o->cap) {
            sim_items(S, list)[o->len] = v;
            o->len++;
        } else {
            sim_list_append(S, list, v);
        }
    }
    sim_decref(S, it);
    if (got < 0)
        return false;
    if (sim_obj(S, list)->len < sim_obj(S, list)->cap)
        sim_list_resize(S, list, sim_obj(S, list)->len);
    return true;
}

/* key(item) for each item, in a C array as listsort keeps them (no list
 * object: nothing the collector counts); NULL with the error raised */
static SimId *key_array(PyRun *I, SimId list, SimId key, uint32_t n)
{
    SimId *keys = xcalloc(n ? n : 1, sizeof *keys);
    for (uint32_t i = 0; i < n; i++) {
        SimId item = i < sim_obj(S, list)->len ? sim_items(S, list)[i] : 0;
        SimId k = item ? vm_call(I, key, &item, 1) : 0;
        if (!k) {
            while (i-- > 0)
                sim_decref(S, keys[i]);
            free(keys);
            return NULL;
        }
        keys[i] = k;
    }
    return keys;
}

static void keys_free(PyRun *I, SimId *keys, uint32_t n)
{
    for (uint32_t i = 0; keys && i < n; i++)
        sim_decref(S, keys[i]);
    free(keys);
}

/* The sort's state: the keys and, when a key function made them, the
 * items that move with them (listsort's sortslice). */
typedef struct Slice {
    SimId *keys, *values;
} Slice;

/* ISLT: one rich comparison x < y (PyObject_RichCompareBool): 1, 0, -1 on error */
static int islt(PyRun *I, SimId x, SimId y)
{
    SimId r = op_compare(I, OP_LT, x, y);
    if (!r)
        return -1;
    int t = r == S->true_ ? 1 : r == S->false_ ? 0 : op_truth(I, r);
    sim_decref(S, r);
    return t;
}

static void slice_reverse(Slice *s, uint32_t lo, uint32_t n)
{
    for (uint32_t i = lo, j = lo + n - 1; n && i < j; i++, j--) {
        SimId t = s->keys[i];
        s->keys[i] = s->keys[j];
        s->keys[j] = t;
        if (s->values) {
            t = s->values[i];
            s->values[i] = s->values[j];
            s->values[j] = t;
        }
    }
}

/* count_run of 3.11 and 3.12: the length of the run at the start, a
 * strictly descending one reversed; -1 on error */
static int64_t count_run_311(PyRun *I, Slice *s, uint32_t n)
{
    if (n == 1)
        return 1;
    int lt = islt(I, s->keys[1], s->keys[0]);
    if (lt < 0)
        return -1;
    uint32_t k = 2;
    for (; k < n; k++) {
        int c = islt(I, s->keys[k], s->keys[k - 1]);
        if (c < 0)
            return -1;
        if (lt ? !c : c)
            break;
    }
    if (lt)
        slice_reverse(s, 0, k);
    return k;
}

/* count_run of 3.13: an ascending run, else a descending one whose equal
 * stretches keep their order, extended by an ascending suffix; -1 on error */
static int64_t count_run_313(PyRun *I, Slice *s, uint32_t n)
{
    SimId *lo = s->keys;
    uint32_t k = 1;
    for (; k < n; k++) { /* IF_NEXT_SMALLER */
        int c = islt(I, lo[k], lo[k - 1]);
        if (c < 0)
            return -1;
        if (c)
            break;
    }
    if (k == n)
        return k;
    if (k > 1) {
        int c = islt(I, lo[0], lo[k - 1]);
        if (c < 0)
            return -1;
        if (c)
            return k;
        slice_reverse(s, 0, k); /* all equal: treated as descending */
    }
    k++;
    uint32_t neq = 0;
    for (; k < n; k++) {
        int c = islt(I, lo[k], lo[k - 1]);
        if (c < 0)
            return -1;
        if (c) {
            if (neq) { /* REVERSE_LAST_NEQ */
                neq++;
                slice_reverse(s, k - neq, neq);
                neq = 0;
            }
            continue;
        }
        c = islt(I, lo[k - 1], lo[k]);
        if (c < 0)
            return -1;
        if (c)
            break;
        neq++;
    }
    if (neq) {
        neq++;
        slice_reverse(s, k - neq, neq);
    }
    slice_reverse(s, 0, k);
    for (; k < n; k++) {
        int c = islt(I, lo[k], lo[k - 1]);
        if (c < 0)
            return -1;
        if (c)
            break;
    }
    return k;
}

/* binarysort: [0, start) is sorted; each later key goes in after its equals */
static bool binarysort(PyRun *I, Slice *s, uint32_t hi, uint32_t start)
{
    if (start == 0)
        start = 1;
    for (; start < hi; start++) {
        uint32_t l = 0, r = start;
        SimId pivot = s->keys[start], pval = s->values ? s->values[start] : 0;
        do {
            uint32_t p = l + ((r - l) >> 1);
            int c = islt(I, pivot, s->keys[p]);
            if (c < 0)
                return false;
            if (c)
                r = p;
            else
                l = p + 1;
        } while (l < r);
        for (uint32_t p = start; p > l; p--) {
            s->keys[p] = s->keys[p - 1];
            if (s->values)
                s->values[p] = s->values[p - 1];
        }
        s->keys[l] = pivot;
        if (s->values)
            s->values[l] = pval;
    }
    return true;
}

/* Would a sort of these keys past one run of 64 show timsort's merges (the
 * program's __lt__, an order that is not total)? */
static bool merges_visible(PyRun *I, const SimId *keys, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++) {
        SimKind k = sim_kind(S, keys[i]);
        if (k == SK_INSTANCE || sim_is_subinst(S, keys[i]) || (k == SK_FLOAT && isnan(sim_obj(S, keys[i])->v.f)))
            return true;
        if (k == SK_TUPLE || k == SK_LIST)
            for (uint32_t j = 0; j < sim_obj(S, keys[i])->len; j++)
                if (sim_kind(S, sim_items(S, keys[i])[j]) == SK_INSTANCE)
                    return true;
    }
    return false;
}

/* list.sort as listsort does it for fewer than 64 items (one run: count_run,
 * then binary insertion; reverse=True reverses before and after), key(item)
 * computed once per item first.  Longer lists are sorted stably too, but
 * timsort's merges compare in an order the model does not follow: refused
 * when the comparisons could show it. */
bool bi_sort_list(PyRun *I, SimId list, SimId key, bool reverse)
{
    uint32_t nkeys = sim_obj(S, list)->len;
    /* list_sort_impl's merge state outgrows its inline buffer, and a key
     * function's keys their own: temporary blocks the model does not make */
    if (nkeys > 128 || (key && sim_kind(S, key) != SK_NONE && nkeys > 1))
        tm_note_peak_unsure(I, "a sort of more than 128 items or with a key (its merge buffers)");
    SimId *keys = key && sim_kind(S, key) != SK_NONE ? key_array(I, list, key, nkeys) : NULL;
    if (key && sim_kind(S, key) != SK_NONE && !keys)
        return false;
    if (keys && sim_obj(S, list)->len != nkeys) { /* CPython sorts an emptied list meanwhile */
        keys_free(I, keys, nkeys);
        return py_not_modelled(I, 0, "a key function that changes the list being sorted");
    }
    uint32_t n = sim_obj(S, list)->len;
    /* listsort sorts the list's own array, taken out of the list; here a
     * copy, as a comparison's allocations may move the list's storage */
    SimId *items = xmalloc((n ? n : 1) * sizeof *items);
    memcpy(items, sim_items(S, list), n * sizeof *items);
    Slice s = {keys ? keys : items, keys ? items : NULL};
    if (n >= 64 && merges_visible(I, s.keys, n)) {
        keys_free(I, keys, nkeys);
        free(items);
        return py_not_modelled(I, 0, "a sort of 64 or more objects whose comparisons show (timsort's merges)");
    }
    bool ok = true;
    if (n >= 2) {
        if (reverse)
            slice_reverse(&s, 0, n);
        if (n < 64) {
            int64_t run = S->prof->version >= SIM_V313 ? count_run_313(I, &s, n) : count_run_311(I, &s, n);
            ok = run >= 0 && ((uint32_t)run == n || binarysort(I, &s, n, (uint32_t)run));
        } else { /* a total order of built-in values: any stable sort gives timsort's result */
            ok = binarysort(I, &s, n, 1);
        }
        if (ok && reverse)
            slice_reverse(&s, 0, n);
    }
    if (sim_obj(S, list)->len != n) /* CPython's list is empty meanwhile: what was added is dropped */
        ok = ok && py_not_modelled(I, 0, "a comparison that changes the list being sorted");
    else if (ok)
        memcpy(sim_items(S, list), items, n * sizeof *items);
    free(items);
    keys_free(I, keys, nkeys);
    return ok;
}

/* ---- methods -------------------------------------------------------------- */

/* list_inplace_repeat: `l *= n` resizes l itself (list_resize's
 * over-allocation) and repeats its items there; n < 1 empties it */
SimId list_inplace_repeat(PyRun *I, SimId list, int64_t n)
{
    uint32_t len = sim_obj(S, list)->len;
    if (len && n > 1) {
        if ((uint64_t)n > UINT32_MAX / len) {
            py_no_memory(I);
            return 0;
        }
        size_t total = (size_t)len * (size_t)n;
        if (!sim_list_resize(S, list, total)) {
            py_no_memory(I);
            return 0;
        }
        SimId *items = sim_items(S, list);
        for (size_t i = len; i < total; i++) {
            items[i] = items[i % len];
            sim_incref(S, items[i]);
        }
    } else if (len && n < 1) {
        sim_list_clear(S, list);
    }
    sim_incref(S, list);
    return list;
}

SimId meth_append(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "list.append", n - 1, 1, 1))
        return 0;
    sim_incref(S, a[1]);
    sim_list_append(S, a[0], a[1]);
    return bi_none(I);
}

static SimId m_extend(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "list.extend", n - 1, 1, 1) || !list_extend(I, a[0], a[1]))
        return 0;
    return bi_none(I);
}

static SimId m_pop(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "pop", n - 1, 0, 1))
        return 0;
    int64_t i;
    if (!bi_pop_position(I, a[0], n == 2 ? a[1] : 0, "list", &i))
        return 0;
    return sim_list_pop(S, a[0], (size_t)i);
}

static SimId m_insert(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    int64_t i;
    if (!bi_nargs(I, "insert", n - 1, 2, 2) || !bi_int_arg(I, a[1], &i))
        return 0;
    int64_t len = sim_obj(S, a[0])->len;
    if (i < 0)
        i = i + len < 0 ? 0 : i + len;
    sim_incref(S, a[2]);
    sim_list_insert(S, a[0], (size_t)(i > len ? len : i), a[2]);
    return bi_none(I);
}

/* the index of the first item equal to v; -1 if none, -2 with an error raised */
/* the first i in [from, to) where list[i] == v; the length is read again
 * each turn, as an __eq__ may shrink the list */
static int64_t find_item_in(PyRun *I, SimId list, SimId v, int64_t from, int64_t to)
{
    for (int64_t i = from; i < to && i < (int64_t)sim_obj(S, list)->len; i++) {
        int eq = op_equal(I, sim_items(S, list)[i], v);
        if (eq)
            return eq < 0 ? -2 : i;
    }
    return -1;
}

/* a start or stop of index() as _PyEval_SliceIndexNotNone reads it: an int,
 * a big one clamped to the ssize_t range, made relative to len */
static bool index_bound(PyRun *I, SimId v, int64_t len, int64_t *out)
{
    SimKind k = sim_kind(S, v);
    if (k != SK_INT && k != SK_BOOL) {
        py_raise(I, EXC_TypeError, "slice indices must be integers or have an __index__ method");
        return false;
    }
    int64_t i = sim_obj(S, v)->v.i;
    if (sim_obj(S, v)->sub == 1) {
        BigInt b;
        big_from_sim(S, v, &b);
        i = b.sign < 0 ? INT64_MIN : INT64_MAX;
        big_free(&b);
    }
    if (i < 0) {
        i = i == INT64_MIN ? 0 : i + len;
        if (i < 0)
            i = 0;
    }
    *out = i;
    return true;
}

static int64_t find_item(PyRun *I, SimId list, SimId v)
{
    for (uint32_t i = 0; i < sim_obj(S, list)->len; i++) {
        int eq = op_equal(I, sim_items(S, list)[i], v);
        if (eq)
            return eq < 0 ? -2 : (int64_t)i;
    }
    return -1;
}

static SimId m_remove(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "remove", n - 1, 1, 1))
        return 0;
    int64_t i = find_item(I, a[0], a[1]);
    if (i == -2)
        return 0;
    if (i < 0) {
        py_raise(I, EXC_ValueError, "list.remove(x): x not in list");
        return 0;
    }
    sim_list_del(S, a[0], (size_t)i);
    return bi_none(I);
}

SimId meth_index(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    int64_t len = sim_obj(S, a[0])->len, from = 0, to = INT64_MAX;
    if ((n > 2 && !index_bound(I, a[2], len, &from)) || (n > 3 && !index_bound(I, a[3], len, &to)))
        return 0;
    int64_t i = find_item_in(I, a[0], a[1], from, to);
    if (i == -2)
        return 0;
    if (i < 0 && sim_kind(S, a[0]) == SK_TUPLE) {
        py_raise(I, EXC_ValueError, "tuple.index(x): x not in tuple");
        return 0;
    }
    if (i < 0) {
        Buf b = {0};
        op_repr(I, a[1], &b);
        py_raise(I, EXC_ValueError, "%s is not in list", buf_str(&b));
        buf_fini(&b);
        return 0;
    }
    return sim_int(S, i);
}

SimId meth_count(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "count", n - 1, 1, 1))
        return 0;
    int64_t c = 0;
    for (uint32_t i = 0; i < sim_obj(S, a[0])->len; i++) {
        int eq = op_equal(I, sim_items(S, a[0])[i], a[1]);
        if (eq < 0)
            return 0;
        c += eq;
    }
    return sim_int(S, c);
}

SimId meth_clear(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "clear", n - 1, 0, 0))
        return 0;
    SimKind k = sim_kind(S, a[0]);
    if (k == SK_LIST)
        sim_list_clear(S, a[0]);
    else if (k == SK_DICT)
        sim_dict_clear(S, a[0]);
    else
        sim_set_clear(S, a[0]);
    return bi_none(I);
}

SimId meth_copy(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "copy", n - 1, 0, 0))
        return 0;
    uint32_t len = sim_obj(S, a[0])->len; /* list_slice: exactly len slots */
    SimId l = sim_list(S, len);
    if (sim_obj(S, l)->len != len) /* refused by the budget: the VM raises MemoryError */
        return l;
    for (uint32_t i = 0; i < len; i++)
        sim_items(S, l)[i] = sim_items(S, a[0])[i], sim_incref(S, sim_items(S, a[0])[i]);
    return l;
}

static SimId m_reverse(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "reverse", n - 1, 0, 0))
        return 0;
    SimId *it = sim_items(S, a[0]);
    uint32_t len = sim_obj(S, a[0])->len;
    for (uint32_t i = 0; i < len / 2; i++) {
        SimId t = it[i];
        it[i] = it[len - 1 - i];
        it[len - 1 - i] = t;
    }
    return bi_none(I);
}

static SimId m_sort(PyRun *I, SimId *a, int n, SimId kw)
{
    if (bi_npos(I, n, kw) > 1) {
        py_raise(I, EXC_TypeError, "sort() takes no positional arguments");
        return 0;
    }
    SimId rev = bi_kwarg(I, a, n, kw, "reverse");
    if (!bi_sort_list(I, a[0], bi_kwarg(I, a, n, kw, "key"), rev && op_truth(I, rev) == 1))
        return 0;
    return bi_none(I);
}

const BuiltinDef list_methods[] = {
    BUILTIN("append", SK_LIST, 0, meth_append, .style = ARGS_ONE), BUILTIN("extend", SK_LIST, 0, m_extend, .style = ARGS_ONE),
    BUILTIN("pop", SK_LIST, 0, m_pop, .style = ARGS_RANGE, .min = 0, .max = 1), BUILTIN("insert", SK_LIST, 0, m_insert, .style = ARGS_RANGE, .min = 2, .max = 2),
    BUILTIN("remove", SK_LIST, 0, m_remove, .style = ARGS_ONE), BUILTIN("index", SK_LIST, 0, meth_index, .style = ARGS_RANGE, .min = 1, .max = 3),
    BUILTIN("count", SK_LIST, 0, meth_count, .style = ARGS_ONE), BUILTIN("clear", SK_LIST, 0, meth_clear, .style = ARGS_NONE),
    BUILTIN("copy", SK_LIST, 0, meth_copy, .style = ARGS_NONE), BUILTIN("reverse", SK_LIST, 0, m_reverse, .style = ARGS_NONE),
    BUILTIN("sort", SK_LIST, 0, m_sort, .kw = "key reverse", .clinic = "list.sort:key reverse"),
};
const int list_nmethods = (int)(sizeof list_methods / sizeof list_methods[0]);

/* ---- constructor ---------------------------------------------------------- */

/* list___init___impl on l from the iterable: exact room for a sized one
 * while l has no item array, then extend */
bool list_fill(PyRun *I, SimId l, SimId iterable)
{
    SimId a[1] = {iterable};
    {
        SimKind sk = sim_kind(S, a[0]);
        if (sk != SK_ITER && sk != SK_INSTANCE) {
            int64_t len = sk == SK_STR ? sim_obj(S, a[0])->cap : sk == SK_DICTVIEW ? sim_obj(S, SIM_V(S, a[0], SK_DICTVIEW, view.dict))->len : sim_obj(S, a[0])->len;
            if (sk == SK_RANGE) {
                SimId ln = builtins_call(I, 1, 0, &a[0], 1, 0);
                len = ln ? sim_obj(S, ln)->v.i : 0;
                sim_xdecref(S, ln);
            }
            bool dictlike = sk == SK_DICT || sk == SK_SET || sk == SK_DICTVIEW;
            if (len > 0 && !sim_obj(S, l)->mem2 && !(dictlike && S->prof->extend_dict_resizes))
                list_preallocate(I, l, (size_t)len); /* 3.13 resizes for a dict or set (measured) */
        }
        return list_extend(I, l, a[0]);
    }
}

SimId list_construct(PyRun *I, SimId *a, int n, SimId kw)
{
    int np = bi_npos(I, n, kw);
    if (!bi_nargs(I, "list", np, 0, 1))
        return 0;
    SimId l = sim_list_from_type(S);
    if (np && !list_fill(I, l, a[0])) {
        sim_decref(S, l);
        return 0;
    }
    return l;
}
