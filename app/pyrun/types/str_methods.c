/*
 * str_methods: the str methods that strip, pad, search and cut — strip,
 * lstrip, rstrip, ljust, rjust, center, zfill, find, rfind, index, rindex,
 * count, partition, rpartition, removeprefix, removesuffix, expandtabs and
 * encode — on code points, with CPython's choice of when the result is
 * the str itself, a shared one-character str or a new one.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pyrun/modules/tracemalloc.h"
#include "pyrun/types/str_int.h"
#include "pyrun/types/types.h"

#define S (I->sim)

/* ---- strip ------------------------------------------------------------------ */

enum { LEFT = 1, RIGHT = 2, BOTH = 3 };

static bool in_set(uint32_t c, const uint32_t *set, size_t nset)
{
    if (!set)
        return str_cp_space(c);
    for (size_t i = 0; i < nset; i++)
        if (set[i] == c)
            return true;
    return false;
}

/* do_strip / do_argstrip: the chars argument None or a str */
static SimId strip_sides(PyRun *I, SimId *a, int n, int sides, const char *name)
{
    uint32_t *set = NULL;
    size_t nset = 0;
    if (n == 2 && sim_kind(S, a[1]) != SK_NONE) {
        if (sim_kind(S, a[1]) != SK_STR) {
            py_raise(I, EXC_TypeError, "%s arg must be None or str", name);
            return 0;
        }
        set = str_decode(I, a[1], &nset);
    }
    size_t len;
    uint32_t *cp = str_decode(I, a[0], &len);
    size_t i = 0, j = len;
    while ((sides & LEFT) && i < j && in_set(cp[i], set, nset))
        i++;
    while ((sides & RIGHT) && j > i && in_set(cp[j - 1], set, nset))
        j--;
    SimId r = i == 0 && j == len ? str_same(I, a[0]) : str_encode(I, cp + i, j - i, false);
    free(cp);
    free(set);
    return r;
}

SimId str_strip(PyRun *I, SimId *a, int n, SimId kw) { (void)kw; return strip_sides(I, a, n, BOTH, "strip"); }
SimId str_lstrip(PyRun *I, SimId *a, int n, SimId kw) { (void)kw; return strip_sides(I, a, n, LEFT, "lstrip"); }
SimId str_rstrip(PyRun *I, SimId *a, int n, SimId kw) { (void)kw; return strip_sides(I, a, n, RIGHT, "rstrip"); }

/* ---- padding ------------------------------------------------------------------ */

/* pad(): left and right copies of fill around the text, a new str */
static SimId pad(PyRun *I, SimId self, int64_t left, int64_t right, uint32_t fill)
{
    size_t len;
    uint32_t *cp = str_decode(I, self, &len);
    size_t total = len + (size_t)left + (size_t)right;
    if (!py_mem_room(I, total)) {
        free(cp);
        return 0;
    }
    uint32_t *out = malloc((total + 1) * sizeof *out);
    for (int64_t k = 0; k < left; k++)
        out[k] = fill;
    memcpy(out + left, cp, len * sizeof *cp);
    for (int64_t k = 0; k < right; k++)
        out[(size_t)left + len + (size_t)k] = fill;
    SimId r = str_encode(I, out, total, true);
    free(out);
    free(cp);
    return r;
}

/* width and fill character of ljust, rjust, center; false with the error raised */
static bool pad_args(PyRun *I, SimId *a, int n, int64_t *width, uint32_t *fill)
{
    if (!bi_int_arg(I, a[1], width))
        return false;
    *fill = ' ';
    if (n < 3)
        return true;
    if (sim_kind(S, a[2]) != SK_STR) {
        py_raise(I, EXC_TypeError, "The fill character must be a unicode character, not %s", op_typename(I, a[2]));
        return false;
    }
    if (sim_obj(S, a[2])->cap != 1) {
        py_raise(I, EXC_TypeError, "The fill character must be exactly one character long");
        return false;
    }
    size_t k;
    uint32_t *cp = str_decode(I, a[2], &k);
    *fill = cp[0];
    free(cp);
    return true;
}

static SimId justify(PyRun *I, SimId *a, int n, int how)
{
    int64_t width;
    uint32_t fill;
    if (!pad_args(I, a, n, &width, &fill))
        return 0;
    int64_t len = (int64_t)sim_obj(S, a[0])->cap;
    if (len >= width)
        return str_same(I, a[0]);
    int64_t marg = width - len;
    if (how == LEFT)
        return pad(I, a[0], 0, marg, fill);
    if (how == RIGHT)
        return pad(I, a[0], marg, 0, fill);
    int64_t left = marg / 2 + (marg & width & 1); /* CPython's rounding of the odd space */
    return pad(I, a[0], left, marg - left, fill);
}

SimId str_ljust(PyRun *I, SimId *a, int n, SimId kw) { (void)kw; return justify(I, a, n, LEFT); }
SimId str_rjust(PyRun *I, SimId *a, int n, SimId kw) { (void)kw; return justify(I, a, n, RIGHT); }
SimId str_center(PyRun *I, SimId *a, int n, SimId kw) { (void)kw; return justify(I, a, n, BOTH); }

SimId str_zfill(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    int64_t width;
    if (!bi_int_arg(I, a[1], &width))
        return 0;
    size_t len;
    uint32_t *cp = str_decode(I, a[0], &len);
    if ((int64_t)len >= width) {
        free(cp);
        return str_same(I, a[0]);
    }
    size_t fill = (size_t)width - len;
    uint32_t *out = malloc((size_t)width * sizeof *out);
    for (size_t k = 0; k < fill; k++)
        out[k] = '0';
    memcpy(out + fill, cp, len * sizeof *cp);
    if (len && (cp[0] == '+' || cp[0] == '-')) { /* the sign moves to the front */
        out[0] = cp[0];
        out[fill] = '0';
    }
    SimId r = str_encode(I, out, (size_t)width, true);
    free(out);
    free(cp);
    return r;
}

/* ---- searching ------------------------------------------------------------------ */

/* ADJUST_INDICES: end is clamped to the text, start only from below */
static void adjust(int64_t *i, int64_t len, bool is_end)
{
    if (is_end && *i > len)
        *i = len;
    else if (*i < 0 && (*i += len) < 0)
        *i = 0;
}

static bool at(const uint32_t *h, size_t i, const uint32_t *nd, size_t m)
{
    return memcmp(h + i, nd, m * sizeof *h) == 0;
}

enum { FIND, RFIND, INDEX, RINDEX, COUNT };
static const char *const find_names[] = {"find", "rfind", "index", "rindex", "count"};

/* find, rfind, index, rindex, count: (sub[, start[, end]]) */
static SimId search(PyRun *I, SimId *a, int n, int how)
{
    const char *name = find_names[how];
    int np = n - 1;
    if (np < 1 || np > 3) { /* 3.13's Argument Clinic rewords the count */
        const char *more = np < 1 ? "least" : "most";
        int want = np < 1 ? 1 : 3;
        if (S->prof->version >= SIM_V313)
            py_raise(I, EXC_TypeError, "%s expected at %s %d argument%s, got %d", name, more, want, want == 1 ? "" : "s", np);
        else
            py_raise(I, EXC_TypeError, "%s() takes at %s %d argument%s (%d given)", name, more, want, want == 1 ? "" : "s", np);
        return 0;
    }
    if (sim_kind(S, a[1]) != SK_STR) {
        if (S->prof->version >= SIM_V313 && how != COUNT)
            py_raise(I, EXC_TypeError, "%s() argument 1 must be str, not %s", name, op_typename(I, a[1]));
        else
            py_raise(I, EXC_TypeError, "must be str, not %s", op_typename(I, a[1]));
        return 0;
    }
    int64_t start, end;
    if (!str_slice_index(I, np >= 2 ? a[2] : 0, 0, &start) || !str_slice_index(I, np >= 3 ? a[3] : 0, INT64_MAX, &end))
        return 0;
    size_t len, m;
    uint32_t *h = str_decode(I, a[0], &len), *nd = str_decode(I, a[1], &m);
    adjust(&start, (int64_t)len, false);
    adjust(&end, (int64_t)len, true);
    int64_t found = -1, count = 0;
    if (how == COUNT) {
        if (end - start >= 0 && m == 0)
            count = end - start + 1;
        for (int64_t i = start; m && i + (int64_t)m <= end;)
            if (at(h, (size_t)i, nd, m))
                count++, i += (int64_t)m;
            else
                i++;
    } else if (end - start >= (int64_t)m) {
        bool rev = how == RFIND || how == RINDEX;
        for (int64_t k = 0; k <= end - start - (int64_t)m && found < 0; k++) {
            int64_t i = rev ? end - (int64_t)m - k : start + k;
            if (at(h, (size_t)i, nd, m))
                found = i;
        }
    }
    free(h);
    free(nd);
    if (how == COUNT)
        return sim_int(S, count);
    if (found < 0 && (how == INDEX || how == RINDEX)) {
        py_raise(I, EXC_ValueError, "substring not found");
        return 0;
    }
    return sim_int(S, found);
}

SimId str_find(PyRun *I, SimId *a, int n, SimId kw) { (void)kw; return search(I, a, n, FIND); }
SimId str_rfind(PyRun *I, SimId *a, int n, SimId kw) { (void)kw; return search(I, a, n, RFIND); }
SimId str_index(PyRun *I, SimId *a, int n, SimId kw) { (void)kw; return search(I, a, n, INDEX); }
SimId str_rindex(PyRun *I, SimId *a, int n, SimId kw) { (void)kw; return search(I, a, n, RINDEX); }
SimId str_count(PyRun *I, SimId *a, int n, SimId kw) { (void)kw; return search(I, a, n, COUNT); }

/* ---- cutting ------------------------------------------------------------------- */

/* partition / rpartition: (head, sep, tail); sep is the argument itself */
static SimId partition(PyRun *I, SimId *a, bool rev)
{
    if (!str_want(I, a[1], NULL))
        return 0;
    size_t len, m;
    uint32_t *h = str_decode(I, a[0], &len), *nd = str_decode(I, a[1], &m);
    if (m == 0) {
        free(h);
        free(nd);
        py_raise(I, EXC_ValueError, "empty separator");
        return 0;
    }
    int64_t found = -1;
    for (size_t k = 0; k + m <= len && found < 0; k++) {
        size_t i = rev ? len - m - k : k;
        if (at(h, i, nd, m))
            found = (int64_t)i;
    }
    SimId t = sim_tuple(S, 3);
    if (found < 0) { /* partition: (self, '', ''); rpartition: ('', '', self) */
        sim_tuple_set(S, t, rev ? 2 : 0, str_same(I, a[0]));
        sim_tuple_set(S, t, 1, sim_str(S, "", 0));
        sim_tuple_set(S, t, rev ? 0 : 2, sim_str(S, "", 0));
    } else {
        sim_tuple_set(S, t, 0, str_encode(I, h, (size_t)found, false));
        sim_tuple_set(S, t, 1, str_same(I, a[1]));
        size_t after = (size_t)found + m;
        sim_tuple_set(S, t, 2, str_encode(I, h + after, len - after, false));
    }
    free(h);
    free(nd);
    return t;
}

SimId str_partition(PyRun *I, SimId *a, int n, SimId kw) { (void)n, (void)kw; return partition(I, a, false); }
SimId str_rpartition(PyRun *I, SimId *a, int n, SimId kw) { (void)n, (void)kw; return partition(I, a, true); }

static SimId remove_affix(PyRun *I, SimId *a, bool suffix)
{
    if (sim_kind(S, a[1]) != SK_STR) {
        py_raise(I, EXC_TypeError, "%s() argument must be str, not %s", suffix ? "removesuffix" : "removeprefix",
                 op_typename(I, a[1]));
        return 0;
    }
    size_t len, m;
    uint32_t *h = str_decode(I, a[0], &len), *nd = str_decode(I, a[1], &m);
    SimId r;
    if (m && m <= len && at(h, suffix ? len - m : 0, nd, m))
        r = str_encode(I, suffix ? h : h + m, len - m, false);
    else
        r = str_same(I, a[0]);
    free(h);
    free(nd);
    return r;
}

SimId str_removeprefix(PyRun *I, SimId *a, int n, SimId kw) { (void)n, (void)kw; return remove_affix(I, a, false); }
SimId str_removesuffix(PyRun *I, SimId *a, int n, SimId kw) { (void)n, (void)kw; return remove_affix(I, a, true); }

/* replace(old, new[, count]): the str itself when nothing changes (no
 * match, count 0, old and new the same object) */
SimId str_replace(PyRun *I, SimId *a, int n, SimId kw)
{
    int np = bi_npos(I, n, kw) - 1;
    if (kw && n - 1 > 3) { /* 3.13's count=: _PyArg_UnpackKeywords counts them all */
        py_raise(I, EXC_TypeError, "replace() takes at most 3 arguments (%d given)", n - 1);
        return 0;
    }
    if (np < 2 || np > 3) { /* 3.13's clinic words it per positional argument */
        bool few = np < 2;
        if (S->prof->version >= SIM_V313)
            py_raise(I, EXC_TypeError, "replace() takes at %s %d %sarguments (%d given)", few ? "least" : "most",
                     few ? 2 : 3, few ? "positional " : "", np);
        else
            py_raise(I, EXC_TypeError, "replace expected at %s %d arguments, got %d", few ? "least" : "most",
                     few ? 2 : 3, np);
        return 0;
    }
    if (kw && !registry_keywords_ok(I, I->bi_called, kw)) /* kw_late: the names after the count */
        return 0;
    for (int i = 1; i <= 2; i++)
        if (sim_kind(S, a[i]) != SK_STR) {
            py_raise(I, EXC_TypeError, "replace() argument %d must be str, not %s", i, op_typename(I, a[i]));
            return 0;
        }
    int64_t count = -1;
    if (n > 3 && !bi_int_arg(I, a[3], &count)) /* by position, or 3.13's count= (the last) */
        return 0;
    if (count < 0)
        count = INT64_MAX;
    size_t len, ol, nl;
    uint32_t *h = str_decode(I, a[0], &len), *o = str_decode(I, a[1], &ol), *nw = str_decode(I, a[2], &nl);
    uint32_t *out = NULL;
    size_t k = 0, done = 0;
    for (int pass = 0; pass < 2; pass++) { /* measure, then fill */
        k = done = 0;
        for (size_t i = 0; i <= len;) {
            bool hit = done < (size_t)count && (ol ? i + ol <= len && at(h, i, o, ol) : true);
            if (hit) {
                if (out)
                    memcpy(out + k, nw, nl * sizeof *nw);
                k += nl, done++;
            }
            if (i == len)
                break;
            if (hit && ol) {
                i += ol;
                continue;
            }
            if (out)
                out[k] = h[i];
            k++, i++;
        }
        if (!out) {
            if (!py_mem_room(I, k))
                break;
            out = malloc((k + 1) * sizeof *out);
        }
    }
    SimId r = 0;
    if (!out)
        r = 0;
    else if (done == 0 || a[1] == a[2])
        r = str_same(I, a[0]);
    else if (k == 1) /* CPython's one-character result: a new str or the singleton, by version and path */
        py_not_modelled(I, 0, "a one-character result of str.replace()");
    else
        r = str_encode(I, out, k, true);
    free(out);
    free(h);
    free(o);
    free(nw);
    return r;
}

/* ---- expandtabs, encode ------------------------------------------------------------ */

SimId str_expandtabs(PyRun *I, SimId *a, int n, SimId kw)
{
    SimId ts = str_arg(I, a, n, kw, 0, "tabsize");
    int64_t tabsize = 8;
    if (ts && !bi_int_arg(I, ts, &tabsize)) {
        if (sim_kind(S, ts) == SK_INT && sim_obj(S, ts)->sub == 1) { /* the clinic reads an int */
            py_err_clear(I);
            py_raise(I, EXC_OverflowError, "Python int too large to convert to C int");
        }
        return 0;
    }
    if (tabsize > INT32_MAX || tabsize < INT32_MIN) {
        py_raise(I, EXC_OverflowError, "Python int too large to convert to C int");
        return 0;
    }
    size_t len;
    uint32_t *cp = str_decode(I, a[0], &len);
    if (!memchr(sim_str_data(S, a[0], &(size_t){0}), '\t', sim_obj(S, a[0])->len)) {
        free(cp);
        return str_same(I, a[0]); /* no tab: the str itself */
    }
    size_t total = 0;
    int64_t col = 0;
    uint32_t *out = NULL;
    for (int pass = 0; pass < 2; pass++) { /* measure, then fill */
        size_t k = 0;
        col = 0;
        for (size_t i = 0; i < len; i++) {
            if (cp[i] == '\t') {
                int64_t incr = tabsize > 0 ? tabsize - col % tabsize : 0;
                col += incr;
                for (int64_t j = 0; j < incr; j++, k++)
                    if (out)
                        out[k] = ' ';
            } else {
                col = cp[i] == '\n' || cp[i] == '\r' ? 0 : col + 1;
                if (out)
                    out[k] = cp[i];
                k++;
            }
        }
        if (!out) {
            total = k;
            if (!py_mem_room(I, total)) {
                free(cp);
                return 0;
            }
            out = malloc((total + 1) * sizeof *out);
        }
    }
    SimId r = str_encode(I, out, total, true);
    free(out);
    free(cp);
    return r;
}

/* the codec an encoding name means: 'u' utf-8, 'a' ascii, 'l' latin-1, 0 none modelled */
static char codec_of(const char *name, size_t n)
{
    static const struct { const char *name; char codec; } codecs[] = {
        {"utf-8", 'u'}, {"utf8", 'u'}, {"ascii", 'a'}, {"us-ascii", 'a'},
        {"latin-1", 'l'}, {"latin1", 'l'}, {"iso-8859-1", 'l'}, {"iso8859-1", 'l'},
    };
    char low[32];
    if (n >= sizeof low)
        return 0;
    for (size_t i = 0; i < n; i++) /* the codec registry's normalisation: case, '_' */
        low[i] = name[i] == '_' ? '-' : (char)(name[i] >= 'A' && name[i] <= 'Z' ? name[i] + 32 : name[i]);
    low[n] = '\0';
    for (size_t i = 0; i < sizeof codecs / sizeof codecs[0]; i++)
        if (strcmp(codecs[i].name, low) == 0)
            return codecs[i].codec;
    return 0;
}

/* unicode_encode_ucs1 past the first character at or above limit (ASCII
 * or latin-1; bad its index): errors='strict' raises UnicodeEncodeError
 * for the run of such characters; the handlers it knows write in place */
static SimId encode_errors(PyRun *I, SimId str, const uint32_t *cp, size_t len, size_t bad, uint32_t limit,
                           SimId errors)
{
    size_t hn = 6;
    const char *h = errors ? sim_str_data(S, errors, &hn) : "strict";
    if (len > 512) /* the bytes writer's buffer outgrows its stack part: a bytes object while it works */
        tm_note_peak_unsure(I, "str.encode() of more than 512 characters that cannot all be encoded");
    if (hn == 6 && memcmp(h, "strict", 6) == 0) {
        size_t end = bad;
        while (end < len && cp[end] >= limit)
            end++;
        exc_unicode_raise_encode(I, limit == 0x80 ? "ascii" : "latin-1", str, bad, end, limit);
        return 0;
    }
    enum { IGNORE, REPLACE, XMLREF, BACKSLASH } how;
    if (hn == 6 && memcmp(h, "ignore", 6) == 0)
        how = IGNORE;
    else if (hn == 7 && memcmp(h, "replace", 7) == 0)
        how = REPLACE;
    else if (hn == 17 && memcmp(h, "xmlcharrefreplace", 17) == 0)
        how = XMLREF;
    else if (hn == 16 && memcmp(h, "backslashreplace", 16) == 0)
        how = BACKSLASH;
    else
        return py_not_modelled(I, 0, "str.encode() with the error handler '%.*s'", (int)hn, h), (SimId)0;
    tm_note_peak_unsure(I, "str.encode() with an error handler (the bytes writer's growth)");
    Buf b = {0};
    for (size_t i = 0; i < len; i++) {
        uint32_t c = cp[i];
        if (c < limit)
            buf_addc(&b, (char)c);
        else if (how == REPLACE)
            buf_addc(&b, '?');
        else if (how == XMLREF)
            buf_printf(&b, "&#%u;", (unsigned)c);
        else if (how == BACKSLASH)
            buf_printf(&b, c <= 0xff ? "\\x%02x" : c <= 0xffff ? "\\u%04x" : "\\U%08x", (unsigned)c);
    }
    SimId r = py_mem_room(I, b.len) ? sim_bytes_shared(S, (const uint8_t *)buf_str(&b), b.len) : 0;
    buf_fini(&b);
    return r;
}

SimId str_encode_method(PyRun *I, SimId *a, int n, SimId kw)
{
    SimId enc = str_arg(I, a, n, kw, 0, "encoding"), errors = str_arg(I, a, n, kw, 1, "errors");
    if ((enc && !str_want(I, enc, "encode() argument 'encoding'")) ||
        (errors && !str_want(I, errors, "encode() argument 'errors'")))
        return 0;
    size_t en = 5;
    const char *e = enc ? sim_str_data(S, enc, &en) : "utf-8";
    char codec = codec_of(e, en);
    if (!codec)
        return py_not_modelled(I, 0, "str.encode() with the encoding '%.*s'", (int)en, e), (SimId)0;
    size_t len;
    uint32_t *cp = str_decode(I, a[0], &len);
    uint32_t limit = codec == 'a' ? 0x80 : codec == 'l' ? 0x100 : 0x110000;
    for (size_t i = 0; i < len; i++)
        if (cp[i] >= limit) {
            SimId r = encode_errors(I, a[0], cp, len, i, limit, errors);
            free(cp);
            return r;
        }
    size_t nb;
    const char *d = sim_str_data(S, a[0], &nb);
    SimId r = 0;
    if (codec == 'l') {
        uint8_t *out = malloc(len + 1);
        for (size_t i = 0; i < len; i++)
            out[i] = (uint8_t)cp[i];
        nb = len, d = (const char *)out;
        r = sim_bytes_shared(S, out, nb);
        free(out);
    } else {
        r = sim_bytes_shared(S, (const uint8_t *)d, nb); /* utf-8: the model's own text */
    }
    free(cp);
    return r;
}

/* ---- maketrans and translate --------------------------------------------------- */

/* str.maketrans(x[, y[, z]]), a static method: one dict (its one-character
 * str keys made code points), or two strs of one length paired, the third's
 * characters mapped to None */
SimId str_maketrans(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    SimId *args = a + 1; /* a[0]: the type or str it was read on */
    int nargs = n - 1;
    SimId t = 0;
    if (nargs == 1) {
        if (sim_kind(S, args[0]) != SK_DICT) {
            py_raise(I, EXC_TypeError, "if you give only one argument to maketrans it must be a dict");
            return 0;
        }
        t = sim_dict(S);
        uint32_t pos = 0;
        SimId k, v;
        while (sim_dict_next(S, args[0], &pos, &k, &v)) {
            SimId key = 0;
            if (sim_kind(S, k) == SK_STR && sim_obj(S, k)->cap == 1) {
                size_t one;
                uint32_t *cp = str_decode(I, k, &one);
                key = sim_int(S, cp[0]);
                free(cp);
            } else if (sim_kind(S, k) == SK_INT || sim_kind(S, k) == SK_BOOL) {
                sim_incref(S, k);
                key = k;
            } else {
                if (sim_kind(S, k) == SK_STR)
                    py_raise(I, EXC_ValueError, "string keys in translate table must be of length 1");
                else
                    py_raise(I, EXC_TypeError, "keys in translate table must be strings or integers");
                sim_decref(S, t);
                return 0;
            }
            sim_incref(S, v);
            sim_dict_set(S, t, key, v);
        }
        return t;
    }
    for (int i = 0; i < nargs; i++)
        if (sim_kind(S, args[i]) != SK_STR) {
            py_raise(I, EXC_TypeError, "maketrans() argument %d must be str, not %s", i + 1, op_typename(I, args[i]));
            return 0;
        }
    size_t nx, ny, nz = 0;
    uint32_t *x = str_decode(I, args[0], &nx), *y = str_decode(I, args[1], &ny), *z = NULL;
    if (nx != ny) {
        free(x), free(y);
        py_raise(I, EXC_ValueError, "the first two maketrans arguments must have equal length");
        return 0;
    }
    if (nargs == 3)
        z = str_decode(I, args[2], &nz);
    t = sim_dict(S);
    for (size_t i = 0; i < nx; i++)
        sim_dict_set(S, t, sim_int(S, x[i]), sim_int(S, y[i]));
    for (size_t i = 0; i < nz; i++)
        sim_dict_set(S, t, sim_int(S, z[i]), sim_none(S));
    free(x), free(y), free(z);
    return t;
}

/* str.translate(table): each code point looked up in the table (a missing
 * one stays, None drops it, an int or a str replaces it) */
SimId str_translate(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    SimId table = a[1];
    SimKind tk = sim_kind(S, table);
    if (tk == SK_INSTANCE || sim_is_subinst(S, table))
        return py_not_modelled(I, 0, "str.translate() with a table of a class"), (SimId)0;
    size_t len;
    uint32_t *cp = str_decode(I, a[0], &len);
    Buf out = {0};
    bool ok = true;
    for (size_t i = 0; ok && i < len; i++) {
        SimId key = sim_int(S, cp[i]);
        SimId v = op_getitem(I, table, key);
        sim_decref(S, key);
        if (!v) {
            if (py_err_matches(I, EXC_LookupError)) { /* not mapped: the character stays */
                py_err_clear(I);
                uint32_t one = cp[i];
                SimId c = str_encode(I, &one, 1, false);
                size_t cl;
                const char *cd = sim_str_data(S, c, &cl);
                buf_add(&out, cd, cl);
                sim_decref(S, c);
                continue;
            }
            ok = false;
            break;
        }
        SimKind vk = sim_kind(S, v);
        if (vk == SK_NONE) {
        } else if (vk == SK_INT || vk == SK_BOOL) {
            int64_t c = sim_obj(S, v)->sub == 1 ? -1 : sim_obj(S, v)->v.i;
            if (c < 0 || c >= 0x110000) {
                py_raise(I, EXC_ValueError, "character mapping must be in range(0x110000)");
                ok = false;
            } else {
                uint32_t one = (uint32_t)c;
                SimId s = str_encode(I, &one, 1, false);
                size_t sl;
                const char *sd = sim_str_data(S, s, &sl);
                buf_add(&out, sd, sl);
                sim_decref(S, s);
            }
        } else if (vk == SK_STR) {
            size_t sl;
            const char *sd = sim_str_data(S, v, &sl);
            buf_add(&out, sd, sl);
        } else {
            py_raise(I, EXC_TypeError, "character mapping must return integer, None or str");
            ok = false;
        }
        sim_decref(S, v);
    }
    free(cp);
    SimId r = ok ? sim_str(S, buf_str(&out), out.len) : 0;
    buf_fini(&out);
    return r;
}
