/*
 * bytes_split: split, rsplit and replace of bytes and bytearray, with the
 * objects stringlib makes: split preallocates its list (PREALLOC_SIZE, up
 * to 12 slots, the same on 3.11-3.13 for bytes) and fills it before it
 * appends; a bytes with nothing to split is the list's one item itself,
 * and replace gives the bytes itself back when nothing changes (a
 * bytearray always gets a new one).
 */
#include <stdlib.h>
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/types/str_int.h"
#include "pyrun/types/types.h"

#define S (I->sim)

static const uint8_t *data_of(PyRun *I, SimId v, size_t *n) { return (const uint8_t *)sim_str_data(S, v, n); }

static bool exact_bytes(PyRun *I, SimId v) { return sim_kind(S, v) == SK_BYTES && !sim_is_subinst(S, v); }

/* STRINGLIB_NEW: a new bytes (the shared empty one for none) or bytearray */
static SimId piece(PyRun *I, SimId self, const uint8_t *d, size_t n)
{
    uint8_t *copy = malloc(n + 1); /* allocating may move the slab under d */
    memcpy(copy, d, n);
    SimId r = sim_kind(S, self) == SK_BYTES ? sim_bytes_shared(S, copy, n) : sim_bytearray(S, copy, n);
    free(copy);
    return r;
}

static void cut(PyRun *I, Pieces *p, SimId self, size_t i, size_t j)
{
    size_t n;
    const uint8_t *d = data_of(I, self, &n);
    pieces_add(I, p, piece(I, self, d + i, j - i));
}

static void whole(PyRun *I, Pieces *p, SimId self)
{
    sim_incref(S, self);
    pieces_add(I, p, self);
}

static bool space(uint8_t c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

static void split_space(PyRun *I, Pieces *p, SimId self, int64_t maxcount, bool rev)
{
    size_t len;
    data_of(I, self, &len);
#define AT(k) (data_of(I, self, &(size_t){0})[k])
    if (!rev) {
        size_t i = 0, j;
        while (maxcount-- > 0) {
            while (i < len && space(AT(i)))
                i++;
            if (i == len)
                break;
            j = i++;
            while (i < len && !space(AT(i)))
                i++;
            if (j == 0 && i == len && exact_bytes(I, self)) {
                whole(I, p, self);
                return;
            }
            cut(I, p, self, j, i);
        }
        while (i < len && space(AT(i)))
            i++;
        if (i < len)
            cut(I, p, self, i, len);
        return;
    }
    int64_t i = (int64_t)len - 1, j;
    while (maxcount-- > 0) {
        while (i >= 0 && space(AT(i)))
            i--;
        if (i < 0)
            break;
        j = i--;
        while (i >= 0 && !space(AT(i)))
            i--;
        if (j == (int64_t)len - 1 && i < 0 && exact_bytes(I, self)) {
            whole(I, p, self);
            return;
        }
        cut(I, p, self, (size_t)(i + 1), (size_t)j + 1);
    }
    while (i >= 0 && space(AT(i)))
        i--;
    if (i >= 0)
        cut(I, p, self, 0, (size_t)i + 1);
#undef AT
}

static bool at(PyRun *I, SimId self, size_t i, const uint8_t *sep, size_t m)
{
    return memcmp(data_of(I, self, &(size_t){0}) + i, sep, m) == 0;
}

static void split_sep(PyRun *I, Pieces *p, SimId self, const uint8_t *sep, size_t m, int64_t maxcount, bool rev)
{
    size_t len;
    data_of(I, self, &len);
    if (!rev) {
        size_t i = 0, j = 0;
        while (maxcount-- > 0) {
            while (j + m <= len && !at(I, self, j, sep, m))
                j++;
            if (j + m > len)
                break;
            cut(I, p, self, i, j);
            i = j = j + m;
        }
        if (p->count == 0 && exact_bytes(I, self))
            whole(I, p, self);
        else
            cut(I, p, self, i, len);
        return;
    }
    size_t j = len;
    int64_t i = (int64_t)len - (int64_t)m;
    while (maxcount-- > 0) {
        while (i >= 0 && !at(I, self, (size_t)i, sep, m))
            i--;
        if (i < 0)
            break;
        cut(I, p, self, (size_t)i + m, j);
        j = (size_t)i;
        i -= (int64_t)m;
    }
    if (p->count == 0 && exact_bytes(I, self))
        whole(I, p, self);
    else
        cut(I, p, self, 0, j);
}

static bool buffer_arg(PyRun *I, SimId v)
{
    if (bytes_buffer_refused(I, v))
        return false;
    if (sim_kind(S, v) == SK_INSTANCE)
        return py_not_modelled(I, 0, "an instance given where bytes are expected (the buffer protocol)");
    if (bytes_like(I, v))
        return true;
    py_raise(I, EXC_TypeError, "a bytes-like object is required, not '%s'", op_typename(I, v));
    return false;
}

static SimId split(PyRun *I, SimId *a, int n, SimId kw, bool rev)
{
    SimId sep = str_arg(I, a, n, kw, 0, "sep"), ms = str_arg(I, a, n, kw, 1, "maxsplit");
    int64_t maxcount = -1;
    if (ms && !bi_int_arg(I, ms, &maxcount))
        return 0;
    if (sep && sim_kind(S, sep) == SK_NONE)
        sep = 0;
    if (sep && !buffer_arg(I, sep))
        return 0;
    size_t m = 0;
    uint8_t *sp = NULL;
    if (sep) {
        const uint8_t *d = data_of(I, sep, &m);
        if (m == 0) {
            py_raise(I, EXC_ValueError, "empty separator");
            return 0;
        }
        sp = malloc(m);
        memcpy(sp, d, m);
    }
    if (maxcount < 0)
        maxcount = INT64_MAX;
    Pieces p = pieces_new(I, maxcount);
    if (sep)
        split_sep(I, &p, a[0], sp, m, maxcount, rev);
    else
        split_space(I, &p, a[0], maxcount, rev);
    free(sp);
    if (rev) {
        SimId *it = sim_items(S, p.list);
        for (size_t i = 0, cnt = sim_obj(S, p.list)->len; i < cnt / 2; i++) {
            SimId t = it[i];
            it[i] = it[cnt - 1 - i];
            it[cnt - 1 - i] = t;
        }
    }
    return p.list;
}

static SimId b_split(PyRun *I, SimId *a, int n, SimId kw) { return split(I, a, n, kw, false); }
static SimId b_rsplit(PyRun *I, SimId *a, int n, SimId kw) { return split(I, a, n, kw, true); }

/* stringlib_replace: the bytes itself (a bytearray: a copy) when nothing
 * is replaced, else a new object of the result's size */
static SimId b_replace(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    int64_t maxcount = -1;
    if (!buffer_arg(I, a[1]) || !buffer_arg(I, a[2]) || (n > 3 && !bi_int_arg(I, a[3], &maxcount)))
        return 0;
    size_t len, fl, tl;
    const uint8_t *self = data_of(I, a[0], &len);
    const uint8_t *from = data_of(I, a[1], &fl), *to = data_of(I, a[2], &tl);
    if (maxcount < 0)
        maxcount = INT64_MAX;
    Buf out = {0};
    int64_t done = 0;
    if (len >= fl && maxcount > 0 && !(fl == 0 && tl == 0)) {
        if (fl == 0) { /* the replacement between every two bytes and at both ends */
            for (size_t i = 0; i <= len; i++) {
                if (done < maxcount) {
                    buf_add(&out, (const char *)to, tl);
                    done++;
                }
                if (i < len)
                    buf_addc(&out, (char)self[i]);
            }
        } else {
            size_t i = 0;
            while (i < len) {
                if (done < maxcount && i + fl <= len && memcmp(self + i, from, fl) == 0) {
                    buf_add(&out, (const char *)to, tl);
                    i += fl;
                    done++;
                } else {
                    buf_addc(&out, (char)self[i++]);
                }
            }
        }
    }
    SimId r;
    if (done == 0 && exact_bytes(I, a[0])) { /* return_self */
        sim_incref(S, a[0]);
        r = a[0];
    } else if (done == 0) {
        r = piece(I, a[0], self, len);
    } else {
        r = piece(I, a[0], (const uint8_t *)buf_str(&out), out.len);
    }
    buf_fini(&out);
    return r;
}

#define SPLITS(K)                                                                                               \
    BUILTIN("split", K, 0, b_split, .kw = "sep maxsplit", .style = ARGS_CLINIC, .min = 0, .max = 2),           \
    BUILTIN("rsplit", K, 0, b_rsplit, .kw = "sep maxsplit", .style = ARGS_CLINIC, .min = 0, .max = 2),         \
    BUILTIN("replace", K, 0, b_replace, .style = ARGS_RANGE, .min = 2, .max = 3)
const BuiltinDef bytes_split_methods[] = {SPLITS(SK_BYTES), SPLITS(SK_BYTEARRAY)};
const int bytes_split_nmethods = (int)(sizeof bytes_split_methods / sizeof bytes_split_methods[0]);
const int bytes_split_nshared = bytes_split_nmethods / 2;
