/*
 * list_sort: list.sort and sorted() as CPython's listsort does them
 * (Objects/listobject.c, Objects/listsort.txt): runs found by count_run
 * (3.13's own), short ones extended by binary insertion to minrun, and
 * merged in powersort's order with galloping, so that a program's __lt__
 * sees the very comparisons CPython makes, in the same order, and a list
 * left by an exception is in the same state.
 */
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "pyrun/builtins.h"
#include "pyrun/modules/tracemalloc.h"
#include "pyrun/types/types.h"

#define S (I->sim)

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

/* ---- merging runs ---------------------------------------------------------- */

#define MIN_GALLOP 7
#define MAX_PENDING 85 /* runs on the stack: enough for any 2**64 items */

typedef struct Run {
    uint32_t base, len;
    int power; /* powersort's node power of the boundary after it */
} Run;

typedef struct Merge {
    PyRun *I;
    Slice s;          /* the whole array */
    uint32_t n;       /* its length */
    SimId *tk, *tv;   /* room for the shorter run of a merge */
    uint32_t min_gallop;
    Run pending[MAX_PENDING];
    int npending;
} Merge;

/* n < 64 is sorted in one run; longer, the run length that makes n/minrun a
 * power of two or a little less */
static uint32_t minrun_for(uint32_t n)
{
    uint32_t r = 0;
    while (n >= 64) {
        r |= n & 1;
        n >>= 1;
    }
    return n + r;
}

/* powersort's power of the boundary between runs [s1, s1+n1) and
 * [s1+n1, s1+n1+n2) of n: the first bit where their midpoints' binary
 * fractions of n differ (computed on twice the midpoints, to stay whole) */
static int node_power(uint64_t s1, uint64_t n1, uint64_t n2, uint64_t n)
{
    uint64_t a = 2 * s1 + n1, b = a + n1 + n2;
    int power = 0;
    for (;;) {
        power++;
        if (a >= n) {
            a -= n;
            b -= n;
        } else if (b >= n) {
            return power;
        }
        a <<= 1;
        b <<= 1;
    }
}

/* Where key goes in sorted a[0, n), before its equals (gallop_left) or after
 * them (gallop_right): galloping out from a[hint] by 1, 3, 7, ... then a
 * binary search between the last two probes; -1 on error */
static int64_t gallop(PyRun *I, SimId key, const SimId *a, int64_t n, int64_t hint, bool right)
{
    int64_t last = 0, ofs = 1;
    /* "key goes after a[i]": a[i] < key on the left, !(key < a[i]) on the right */
    #define AFTER(i, c) ((c) = right ? islt(I, key, a[i]) : islt(I, a[i], key), \
                         (c) < 0 ? -1 : right ? !(c) : (c))
    int c, after = AFTER(hint, c);
    if (after < 0)
        return -1;
    if (after) { /* gallop right: a[hint+last] before key, find an ofs after it */
        int64_t max = n - hint;
        while (ofs < max) {
            int t = AFTER(hint + ofs, c);
            if (t < 0)
                return -1;
            if (!t)
                break;
            last = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > max)
            ofs = max;
        last += hint;
        ofs += hint;
    } else { /* gallop left: key before a[hint-last], find an ofs where it is not */
        int64_t max = hint + 1;
        while (ofs < max) {
            int t = AFTER(hint - ofs, c);
            if (t < 0)
                return -1;
            if (t)
                break;
            last = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > max)
            ofs = max;
        int64_t k = last;
        last = hint - ofs;
        ofs = hint - k;
    }
    /* key goes after a[last] and not after a[ofs]: binary search between */
    last++;
    while (last < ofs) {
        int64_t m = last + ((ofs - last) >> 1);
        int t = AFTER(m, c);
        if (t < 0)
            return -1;
        if (t)
            last = m + 1;
        else
            ofs = m;
    }
    #undef AFTER
    return ofs;
}

static void put(Merge *m, int64_t d, SimId k, SimId v)
{
    m->s.keys[d] = k;
    if (m->s.values)
        m->s.values[d] = v;
}

static SimId val(const SimId *v, int64_t i) { return v ? v[i] : 0; }

/* moves n entries of the array (or from the temp, `from_temp`) to d */
static void move(Merge *m, int64_t d, int64_t from, int64_t n, bool from_temp)
{
    const SimId *k = from_temp ? m->tk : m->s.keys, *v = from_temp ? m->tv : m->s.values;
    memmove(m->s.keys + d, k + from, (size_t)n * sizeof *k);
    if (m->s.values)
        memmove(m->s.values + d, v + from, (size_t)n * sizeof *v);
}

static void to_temp(Merge *m, int64_t from, int64_t n)
{
    memcpy(m->tk, m->s.keys + from, (size_t)n * sizeof *m->tk);
    if (m->s.values)
        memcpy(m->tv, m->s.values + from, (size_t)n * sizeof *m->tv);
}

/* merge_lo: run a at ba (na <= nb) copied out, merged from the left with
 * run b right after it; a's first key is known to go after b's first */
static bool merge_lo(Merge *m, int64_t ba, int64_t na, int64_t bb, int64_t nb)
{
    PyRun *I = m->I;
    SimId *K = m->s.keys, *V = m->s.values;
    to_temp(m, ba, na);
    int64_t d = ba, ia = 0, ib = bb, k;
    uint32_t min_gallop = m->min_gallop;
    bool ok = false;
    put(m, d++, K[ib], val(V, ib));
    ib++;
    if (--nb == 0)
        goto done;
    if (na == 1)
        goto copy_b;
    for (;;) {
        int64_t acount = 0, bcount = 0;
        for (;;) { /* one at a time, until a run wins min_gallop times in a row */
            int c = islt(I, K[ib], m->tk[ia]);
            if (c < 0)
                goto fail;
            if (c) {
                put(m, d++, K[ib], val(V, ib));
                ib++, bcount++, acount = 0;
                if (--nb == 0)
                    goto done;
                if (bcount >= min_gallop)
                    break;
            } else {
                put(m, d++, m->tk[ia], val(m->tv, ia));
                ia++, acount++, bcount = 0;
                if (--na == 1)
                    goto copy_b;
                if (acount >= min_gallop)
                    break;
            }
        }
        min_gallop++;
        do { /* galloping, while it moves stretches of MIN_GALLOP or more */
            min_gallop -= min_gallop > 1;
            m->min_gallop = min_gallop;
            k = gallop(I, K[ib], m->tk + ia, na, 0, true);
            if (k < 0)
                goto fail;
            acount = k;
            if (k) {
                move(m, d, ia, k, true);
                d += k, ia += k, na -= k;
                if (na == 1)
                    goto copy_b;
                if (na == 0) /* only with an inconsistent __lt__ */
                    goto done;
            }
            put(m, d++, K[ib], val(V, ib));
            ib++;
            if (--nb == 0)
                goto done;
            k = gallop(I, m->tk[ia], K + ib, nb, 0, false);
            if (k < 0)
                goto fail;
            bcount = k;
            if (k) {
                move(m, d, ib, k, false);
                d += k, ib += k, nb -= k;
                if (nb == 0)
                    goto done;
            }
            put(m, d++, m->tk[ia], val(m->tv, ia));
            ia++;
            if (--na == 1)
                goto copy_b;
        } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
        min_gallop++; /* leaving galloping costs */
        m->min_gallop = min_gallop;
    }
copy_b: /* a's last key goes after all of b that is left */
    move(m, d, ib, nb, false);
    put(m, d + nb, m->tk[ia], val(m->tv, ia));
    return true;
done:
    ok = true;
fail:
    if (na)
        move(m, d, ia, na, true);
    return ok;
}

/* merge_hi: run b at bb (nb < na) copied out, merged from the right with run
 * a right before it; b's last key is known to go before a's last */
static bool merge_hi(Merge *m, int64_t ba, int64_t na, int64_t bb, int64_t nb)
{
    PyRun *I = m->I;
    SimId *K = m->s.keys, *V = m->s.values;
    to_temp(m, bb, nb);
    int64_t d = bb + nb - 1, ia = ba + na - 1, ib = nb - 1, k;
    uint32_t min_gallop = m->min_gallop;
    bool ok = false;
    put(m, d--, K[ia], val(V, ia));
    ia--;
    if (--na == 0)
        goto done;
    if (nb == 1)
        goto copy_a;
    for (;;) {
        int64_t acount = 0, bcount = 0;
        for (;;) {
            int c = islt(I, m->tk[ib], K[ia]);
            if (c < 0)
                goto fail;
            if (c) {
                put(m, d--, K[ia], val(V, ia));
                ia--, acount++, bcount = 0;
                if (--na == 0)
                    goto done;
                if (acount >= min_gallop)
                    break;
            } else {
                put(m, d--, m->tk[ib], val(m->tv, ib));
                ib--, bcount++, acount = 0;
                if (--nb == 1)
                    goto copy_a;
                if (bcount >= min_gallop)
                    break;
            }
        }
        min_gallop++;
        do {
            min_gallop -= min_gallop > 1;
            m->min_gallop = min_gallop;
            k = gallop(I, m->tk[ib], K + ba, na, na - 1, true);
            if (k < 0)
                goto fail;
            k = na - k;
            acount = k;
            if (k) {
                d -= k, ia -= k;
                move(m, d + 1, ia + 1, k, false);
                na -= k;
                if (na == 0)
                    goto done;
            }
            put(m, d--, m->tk[ib], val(m->tv, ib));
            ib--;
            if (--nb == 1)
                goto copy_a;
            k = gallop(I, K[ia], m->tk, nb, nb - 1, false);
            if (k < 0)
                goto fail;
            k = nb - k;
            bcount = k;
            if (k) {
                d -= k, ib -= k;
                move(m, d + 1, ib + 1, k, true);
                nb -= k;
                if (nb == 1)
                    goto copy_a;
                if (nb == 0) /* only with an inconsistent __lt__ */
                    goto done;
            }
            put(m, d--, K[ia], val(V, ia));
            ia--;
            if (--na == 0)
                goto done;
        } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
        min_gallop++;
        m->min_gallop = min_gallop;
    }
copy_a: /* b's first key goes before all of a that is left */
    move(m, d - na + 1, ia - na + 1, na, false);
    put(m, d - na, m->tk[ib], val(m->tv, ib));
    return true;
done:
    ok = true;
fail:
    if (nb)
        move(m, d - (nb - 1), 0, nb, true);
    return ok;
}

/* merge_at: runs i and i+1 become one; what of a is already before all of
 * b, and what of b after all of a, stays where it is */
static bool merge_at(Merge *m, int i)
{
    PyRun *I = m->I;
    Run *p = m->pending;
    int64_t ba = p[i].base, na = p[i].len, bb = p[i + 1].base, nb = p[i + 1].len;
    p[i].len = (uint32_t)(na + nb);
    if (i == m->npending - 3)
        p[i + 1] = p[i + 2];
    m->npending--;
    int64_t k = gallop(I, m->s.keys[bb], m->s.keys + ba, na, 0, true);
    if (k < 0)
        return false;
    ba += k, na -= k;
    if (na == 0)
        return true;
    nb = gallop(I, m->s.keys[ba + na - 1], m->s.keys + bb, nb, nb - 1, false);
    if (nb <= 0)
        return nb == 0;
    return na <= nb ? merge_lo(m, ba, na, bb, nb) : merge_hi(m, ba, na, bb, nb);
}

/* found_new_run: before a run of n2 is pushed, the runs whose boundaries
 * have a greater power than the new one are merged */
static bool found_new_run(Merge *m, uint32_t n2)
{
    if (!m->npending)
        return true;
    Run *p = m->pending;
    Run *top = &p[m->npending - 1];
    int power = node_power(top->base, top->len, n2, m->n);
    while (m->npending > 1 && p[m->npending - 2].power > power)
        if (!merge_at(m, m->npending - 2))
            return false;
    p[m->npending - 1].power = power;
    return true;
}

/* merge_force_collapse: at the end, the rest, the shorter side first */
static bool force_collapse(Merge *m)
{
    Run *p = m->pending;
    while (m->npending > 1) {
        int i = m->npending - 2;
        if (i > 0 && p[i - 1].len < p[i + 1].len)
            i--;
        if (!merge_at(m, i))
            return false;
    }
    return true;
}

/* listsort's loop: runs of at least minrun, pushed and merged as found */
static bool timsort(PyRun *I, Slice *s, uint32_t n)
{
    Merge m = {.I = I, .s = *s, .n = n, .min_gallop = MIN_GALLOP};
    uint32_t minrun = minrun_for(n), lo = 0, left = n;
    bool ok = true;
    if (n >= 64) {
        m.tk = xmalloc((n / 2 + 1) * sizeof *m.tk);
        m.tv = s->values ? xmalloc((n / 2 + 1) * sizeof *m.tv) : NULL;
    }
    do {
        Slice at = {s->keys + lo, s->values ? s->values + lo : NULL};
        int64_t run = S->prof->version >= SIM_V313 ? count_run_313(I, &at, left) : count_run_311(I, &at, left);
        if (run < 0) {
            ok = false;
            break;
        }
        if (run < minrun) {
            uint32_t force = left <= minrun ? left : minrun;
            if (!binarysort(I, &at, force, (uint32_t)run)) {
                ok = false;
                break;
            }
            run = force;
        }
        if (!found_new_run(&m, (uint32_t)run)) {
            ok = false;
            break;
        }
        m.pending[m.npending++] = (Run){lo, (uint32_t)run, 0};
        lo += (uint32_t)run;
        left -= (uint32_t)run;
    } while (left);
    ok = ok && force_collapse(&m);
    free(m.tk);
    free(m.tv);
    return ok;
}

/* list.sort: key(item) computed once per item first; reverse=True
 * reverses before and after, so that equal items keep their order */
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
    bool ok = true;
    if (n >= 2) {
        if (reverse)
            slice_reverse(&s, 0, n);
        ok = timsort(I, &s, n);
        if (reverse)
            slice_reverse(&s, 0, n);
    }
    /* an exception in a comparison leaves the list as the merges left it */
    if (sim_obj(S, list)->len != n) /* CPython's list is empty meanwhile: what was added is dropped */
        ok = ok && py_not_modelled(I, 0, "a comparison that changes the list being sorted");
    else if (!I->refused)
        memcpy(sim_items(S, list), items, n * sizeof *items);
    free(items);
    keys_free(I, keys, nkeys);
    return ok;
}
