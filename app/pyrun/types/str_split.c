/*
 * str_split: str.split, str.rsplit and str.splitlines, with the lists
 * CPython builds: split preallocates its list (PREALLOC_SIZE: up to 12
 * slots; 3.12 bounds it by the most pieces the text can give) and fills
 * it before it appends; splitlines appends to an empty list. A text with
 * nothing to split is the list's one item itself.
 */
#include <stdlib.h>
#include <string.h>

#include "pyrun/types/str_int.h"
#include "pyrun/types/types.h"

#define S (I->sim)

Pieces pieces_new(PyRun *I, int64_t maxcount)
{
    Pieces p = {sim_list(S, 0), 0};
    sim_list_reserve_exact(S, p.list, maxcount >= MAX_PREALLOC ? MAX_PREALLOC : (size_t)maxcount + 1);
    return p;
}

/* SPLIT_ADD: the preallocated slots first (FIX_PREALLOC_SIZE sets the
 * length), then PyList_Append */
void pieces_add(PyRun *I, Pieces *p, SimId item)
{
    SimObj *o = sim_obj(S, p->list);
    if (p->count < MAX_PREALLOC && p->count < o->cap) {
        sim_items(S, p->list)[p->count] = item;
        o->len = (uint32_t)p->count + 1;
    } else {
        sim_list_append(S, p->list, item);
    }
    p->count++;
}

static void pieces_cut(PyRun *I, Pieces *p, const uint32_t *cp, size_t i, size_t j)
{
    pieces_add(I, p, str_encode(I, cp + i, j - i, false));
}

/* PyUnicode kind: latin-1 text is one byte per character, as ASCII is */
static int kind_of(PyRun *I, SimId s)
{
    unsigned w = sim_obj(S, s)->sub;
    return w <= 2 ? 1 : w == 3 ? 2 : 4;
}

static void reverse(PyRun *I, SimId list)
{
    SimId *it = sim_items(S, list);
    for (size_t i = 0, n = sim_obj(S, list)->len; i < n / 2; i++) {
        SimId t = it[i];
        it[i] = it[n - 1 - i];
        it[n - 1 - i] = t;
    }
}

/* the whole text as the list's one item */
static void pieces_self(PyRun *I, Pieces *p, SimId self)
{
    pieces_add(I, p, str_same(I, self));
}

static void split_space(PyRun *I, Pieces *p, SimId self, const uint32_t *s, size_t len, int64_t maxcount, bool rev)
{
    if (!rev) {
        size_t i = 0, j;
        while (maxcount-- > 0) {
            while (i < len && str_cp_space(s[i]))
                i++;
            if (i == len)
                break;
            j = i++;
            while (i < len && !str_cp_space(s[i]))
                i++;
            if (j == 0 && i == len) {
                pieces_self(I, p, self);
                return;
            }
            pieces_cut(I, p, s, j, i);
        }
        while (i < len && str_cp_space(s[i]))
            i++;
        if (i < len)
            pieces_cut(I, p, s, i, len);
        return;
    }
    int64_t i = (int64_t)len - 1, j;
    while (maxcount-- > 0) {
        while (i >= 0 && str_cp_space(s[i]))
            i--;
        if (i < 0)
            break;
        j = i--;
        while (i >= 0 && !str_cp_space(s[i]))
            i--;
        if (j == (int64_t)len - 1 && i < 0) {
            pieces_self(I, p, self);
            return;
        }
        pieces_cut(I, p, s, (size_t)(i + 1), (size_t)j + 1);
    }
    while (i >= 0 && str_cp_space(s[i]))
        i--;
    if (i >= 0)
        pieces_cut(I, p, s, 0, (size_t)i + 1);
}

static bool at(const uint32_t *h, size_t i, const uint32_t *nd, size_t m)
{
    return memcmp(h + i, nd, m * sizeof *h) == 0;
}

static void split_sep(PyRun *I, Pieces *p, SimId self, const uint32_t *s, size_t len, const uint32_t *sep, size_t m,
                      int64_t maxcount, bool rev)
{
    if (!rev) {
        size_t i = 0, j = 0;
        while (maxcount-- > 0) {
            while (j + m <= len && !at(s, j, sep, m))
                j++;
            if (j + m > len)
                break;
            pieces_cut(I, p, s, i, j);
            i = j = j + m;
        }
        if (p->count == 0)
            pieces_self(I, p, self);
        else
            pieces_cut(I, p, s, i, len);
        return;
    }
    size_t j = len; /* the end of the piece being looked for */
    int64_t i = (int64_t)len - (int64_t)m;
    while (maxcount-- > 0) {
        while (i >= 0 && !at(s, (size_t)i, sep, m))
            i--;
        if (i < 0)
            break;
        pieces_cut(I, p, s, (size_t)i + m, j);
        j = (size_t)i;
        i -= (int64_t)m;
    }
    if (p->count == 0)
        pieces_self(I, p, self);
    else
        pieces_cut(I, p, s, 0, j);
}

static SimId split(PyRun *I, SimId *a, int n, SimId kw, bool rev)
{
    SimId sep = str_arg(I, a, n, kw, 0, "sep"), ms = str_arg(I, a, n, kw, 1, "maxsplit");
    int64_t maxcount = -1;
    if (ms && !bi_int_arg(I, ms, &maxcount))
        return 0;
    if (sep && sim_kind(S, sep) == SK_NONE)
        sep = 0;
    if (sep && sim_kind(S, sep) != SK_STR) {
        py_raise(I, EXC_TypeError, "must be str or None, not %s", op_typename(I, sep));
        return 0;
    }
    size_t len, m = 0;
    uint32_t *s = str_decode(I, a[0], &len), *sp = sep ? str_decode(I, sep, &m) : NULL;
    if (sep && m == 0) {
        free(s);
        free(sp);
        py_raise(I, EXC_ValueError, "empty separator");
        return 0;
    }
    if (sep && (kind_of(I, a[0]) < kind_of(I, sep) || len < m)) { /* the text itself, in a list of one */
        free(s);
        free(sp);
        SimId l = sim_list(S, 1);
        sim_items(S, l)[0] = str_same(I, a[0]);
        return l;
    }
    int64_t bound = maxcount; /* 3.12: the most splits the text allows */
    if (maxcount < 0)
        bound = S->prof->version < SIM_V312 ? INT64_MAX : sep ? (int64_t)(len / m) + 1 : ((int64_t)len - 1) / 2 + 1;
    if (maxcount < 0)
        maxcount = INT64_MAX;
    Pieces p = pieces_new(I, bound);
    if (sep)
        split_sep(I, &p, a[0], s, len, sp, m, maxcount, rev);
    else
        split_space(I, &p, a[0], s, len, maxcount, rev);
    if (rev)
        reverse(I, p.list);
    free(s);
    free(sp);
    return p.list;
}

SimId str_split(PyRun *I, SimId *a, int n, SimId kw) { return split(I, a, n, kw, false); }
SimId str_rsplit(PyRun *I, SimId *a, int n, SimId kw) { return split(I, a, n, kw, true); }

static bool line_break(uint32_t c)
{
    return c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || c == 0x1c || c == 0x1d || c == 0x1e ||
           c == 0x85 || c == 0x2028 || c == 0x2029;
}

SimId str_splitlines(PyRun *I, SimId *a, int n, SimId kw)
{
    SimId ke = str_arg(I, a, n, kw, 0, "keepends");
    bool keep = false;
    if (ke && S->prof->version < SIM_V312) { /* 3.11 wants an int; 3.12 takes any truth */
        int64_t v;
        if (!bi_int_arg(I, ke, &v))
            return 0;
        keep = v != 0;
    } else if (ke) {
        int t = op_truth(I, ke);
        if (t < 0)
            return 0;
        keep = t;
    }
    size_t len;
    uint32_t *s = str_decode(I, a[0], &len);
    SimId l = sim_list(S, 0);
    for (size_t i = 0, j = 0; i < len;) {
        while (i < len && !line_break(s[i]))
            i++;
        size_t eol = i;
        if (i < len) {
            i += s[i] == '\r' && i + 1 < len && s[i + 1] == '\n' ? 2 : 1; /* CRLF is one break */
            if (keep)
                eol = i;
        }
        if (j == 0 && eol == len) { /* no line break: the str itself */
            sim_list_append(S, l, str_same(I, a[0]));
            break;
        }
        sim_list_append(S, l, str_encode(I, s + j, eol - j, false));
        j = i;
    }
    free(s);
    return l;
}
