/*
 * bytes_methods: the methods bytes and bytearray share (one function,
 * two table entries): decode, hex, searching, case, stripping, join.
 * A bytes method that changes nothing gives the bytes itself back where
 * CPython's does (strip, a join of one bytes); a bytearray's always makes
 * a new bytearray of exactly its size (PyByteArray_FromStringAndSize).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/utf8.h"
#include "pyrun/builtins.h"
#include "pyrun/modules/tracemalloc.h"
#include "pyrun/types/str_int.h"
#include "pyrun/types/types.h"

#define S (I->sim)

static const uint8_t *data_of(PyRun *I, SimId v, size_t *n) { return (const uint8_t *)sim_str_data(S, v, n); }

/* a new object of self's kind holding n bytes of d */
static SimId like(PyRun *I, SimId self, const uint8_t *d, size_t n)
{
    SimId r = sim_kind(S, self) == SK_BYTES ? sim_bytes(S, d, n) : sim_bytearray(S, d, n);
    if (sim_nomem(S) || sim_obj(S, r)->len != n) {
        sim_decref(S, r);
        py_no_memory(I);
        return 0;
    }
    return r;
}

#define CONT(b) (((b) & 0xC0) == 0x80)

/* The UTF-8 sequence at s (avail bytes left), as stringlib's utf8_decode
 * reads it: -1 valid (*seq its length); 0 cut short by the end of the data;
 * 1 an invalid start byte; 2, 3 or 4 an invalid continuation byte after
 * that many - 1 good ones */
static int utf8_check(const uint8_t *s, size_t avail, size_t *seq)
{
    uint8_t ch = s[0];
    if (ch < 0x80) {
        *seq = 1;
        return -1;
    }
    if (ch < 0xE0) {
        if (ch < 0xC2)
            return 1;
        if (avail < 2)
            return 0;
        if (!CONT(s[1]))
            return 2;
        *seq = 2;
        return -1;
    }
    if (ch < 0xF0) { /* no overlong form (E0 80..9F), no surrogate (ED A0..BF) */
        if (avail < 2)
            return 0;
        if (!CONT(s[1]) || (s[1] < 0xA0 ? ch == 0xE0 : ch == 0xED))
            return 2;
        if (avail < 3)
            return 0;
        if (!CONT(s[2]))
            return 3;
        *seq = 3;
        return -1;
    }
    if (ch < 0xF5) { /* no overlong form (F0 80..8F), nothing past U+10FFFF (F4 90..) */
        if (avail < 2)
            return 0;
        if (!CONT(s[1]) || (s[1] < 0x90 ? ch == 0xF0 : ch == 0xF4))
            return 2;
        if (avail < 3)
            return 0;
        if (!CONT(s[2]))
            return 3;
        if (avail < 4)
            return 0;
        if (!CONT(s[3]))
            return 4;
        *seq = 4;
        return -1;
    }
    return 1;
}

enum { ERR_STRICT, ERR_IGNORE, ERR_REPLACE, ERR_BACKSLASH, ERR_OTHER };

/* unicode_decode_utf8 and ascii_decode with the error handlers learners
 * name: each bad part (start..end-1, CPython's startinpos/endinpos) raised,
 * skipped, replaced by U+FFFD or by \xNN escapes; 0 with the error raised
 * or the refusal */
static SimId decode_with(PyRun *I, const uint8_t *d, size_t len, bool ascii, int handler, const char *hname)
{
    Buf u = {0};
    size_t i = 0;
    while (i < len) {
        size_t seq = 1, end;
        const char *reason;
        int r = ascii ? (d[i] < 0x80 ? -1 : 5) : utf8_check(d + i, len - i, &seq);
        if (r < 0) {
            buf_add(&u, (const char *)d + i, seq);
            i += seq;
            continue;
        }
        switch (r) {
        case 0: reason = "unexpected end of data", end = len; break;
        case 1: reason = "invalid start byte", end = i + 1; break;
        case 5: reason = "ordinal not in range(128)", end = i + 1; break;
        default: reason = "invalid continuation byte", end = i + (size_t)r - 1; break;
        }
        if (handler == ERR_OTHER) {
            buf_fini(&u);
            return py_not_modelled(I, 0, "the '%s' error handler of bytes.decode()", hname), (SimId)0;
        }
        if (handler == ERR_STRICT) {
            buf_fini(&u);
            exc_unicode_raise_decode(I, ascii ? "ascii" : "utf-8", d, len, i, end, reason);
            return 0;
        }
        if (handler == ERR_REPLACE)
            buf_adds(&u, "\xef\xbf\xbd");
        for (size_t k = i; handler == ERR_BACKSLASH && k < end; k++)
            buf_printf(&u, "\\x%02x", (unsigned)d[k]);
        if (handler == ERR_BACKSLASH) /* the handler's call: an exception, a tuple and a str for a moment */
            tm_note_peak_unsure(I, "bytes.decode() with errors='backslashreplace' (the handler's objects)");
        i = end;
    }
    SimId r = sim_str(S, buf_str(&u), u.len);
    buf_fini(&u);
    return r;
}

static SimId decode(PyRun *I, SimId *a, int n, SimId kw)
{
    SimId enc = str_arg(I, a, n, kw, 0, "encoding"), errors = str_arg(I, a, n, kw, 1, "errors");
    size_t len, el = 5;
    const uint8_t *d = data_of(I, a[0], &len);
    const char *e = "utf-8";
    if (enc && sim_kind(S, enc) != SK_STR) {
        py_raise(I, EXC_TypeError, "decode() argument 'encoding' must be str, not %s", op_typename(I, enc));
        return 0;
    }
    if (enc)
        e = sim_str_data(S, enc, &el);
    if (errors && sim_kind(S, errors) != SK_STR) {
        py_raise(I, EXC_TypeError, "decode() argument 'errors' must be str, not %s", op_typename(I, errors));
        return 0;
    }
    int handler = ERR_STRICT;
    const char *hname = "strict";
    if (errors) {
        static const char *const names[] = {"strict", "ignore", "replace", "backslashreplace"};
        hname = sim_str_data(S, errors, &(size_t){0});
        handler = ERR_OTHER;
        for (int i = 0; i < 4; i++)
            if (sim_str_equals(S, errors, names[i]))
                handler = i;
    }
    bool ascii = el == 5 && strncasecmp(e, "ascii", 5) == 0;
    bool utf8 = (el == 5 && (strncasecmp(e, "utf-8", 5) == 0 || strncasecmp(e, "utf_8", 5) == 0)) ||
                (el == 4 && strncasecmp(e, "utf8", 4) == 0);
    static const char *const latin1_names[] = {"latin-1", "latin1", "latin_1", "iso-8859-1", "iso8859-1", "iso_8859_1", "l1"};
    for (size_t i = 0; !ascii && !utf8 && i < sizeof latin1_names / sizeof latin1_names[0]; i++)
        if (el == strlen(latin1_names[i]) && strncasecmp(e, latin1_names[i], el) == 0) { /* each byte a code point */
            Buf u = {0};
            for (size_t k = 0; k < len; k++) {
                if (d[k] < 0x80) {
                    buf_addc(&u, (char)d[k]);
                } else {
                    buf_addc(&u, (char)(0xc0 | d[k] >> 6));
                    buf_addc(&u, (char)(0x80 | (d[k] & 0x3f)));
                }
            }
            SimId r = sim_str(S, buf_str(&u), u.len);
            buf_fini(&u);
            return r;
        }
    if (!ascii && !utf8) /* the model's str holds UTF-8 only */
        return py_not_modelled(I, 0, "decoding from '%.*s'", (int)el, e), 0;
    bool clean = true;
    for (size_t i = 0; ascii && i < len; i++)
        clean = clean && d[i] < 0x80;
    if (!ascii)
        clean = utf8_invalid_at((const char *)d, len) == len;
    if (!clean)
        return decode_with(I, d, len, ascii, handler, hname);
    return sim_str(S, (const char *)d, len);
}

/* _Py_strhex_impl's separator: its length, then its kind; 0 on error */
static bool hex_sep(PyRun *I, SimId sep, char *out)
{
    SimKind k = sim_kind(S, sep);
    size_t len;
    if (k == SK_STR) {
        const char *t = sim_str_data(S, sep, &len);
        uint32_t cp;
        if (len == 0 || utf8_decode(t, len, &cp) != len) { /* not one character */
            py_raise(I, EXC_ValueError, "sep must be length 1.");
            return false;
        }
        if ((unsigned char)t[0] > 127) { /* not 1-byte kind, or latin-1 past ASCII */
            py_raise(I, EXC_ValueError, "sep must be ASCII.");
            return false;
        }
        *out = t[0];
        return true;
    }
    if (k == SK_BYTES || k == SK_BYTEARRAY || k == SK_LIST || k == SK_TUPLE || k == SK_DICT || k == SK_SET) {
        if (sim_obj(S, sep)->len != 1) {
            py_raise(I, EXC_ValueError, "sep must be length 1.");
            return false;
        }
        if (k != SK_BYTES) {
            py_raise(I, EXC_TypeError, "sep must be str or bytes.");
            return false;
        }
        const uint8_t *d = data_of(I, sep, &len);
        if (d[0] > 127) {
            py_raise(I, EXC_ValueError, "sep must be ASCII.");
            return false;
        }
        *out = (char)d[0];
        return true;
    }
    if (k == SK_INT || k == SK_BOOL || k == SK_FLOAT || k == SK_NONE || k == SK_COMPLEX) {
        py_raise(I, EXC_TypeError, "object of type '%s' has no len()", op_typename(I, sep));
        return false;
    }
    py_not_modelled(I, 0, "a %s as the separator of hex()", op_typename(I, sep));
    return false;
}

/* bytes.hex([sep[, bytes_per_sep]]): _Py_strhex_impl, sep counted from
 * the right (bytes_per_sep > 0) or the left (< 0) */
static SimId hex(PyRun *I, SimId *a, int n, SimId kw)
{
    SimId sepo = str_arg(I, a, n, kw, 0, "sep"), per = str_arg(I, a, n, kw, 1, "bytes_per_sep");
    int64_t group = 1;
    bool big = per && sim_kind(S, per) == SK_INT && sim_obj(S, per)->sub == 1;
    if (per && !big && !bi_int_arg(I, per, &group)) /* the clinic converts it first */
        return 0;
    if (big || group > INT32_MAX || group < INT32_MIN) { /* _PyLong_AsInt */
        py_raise(I, EXC_OverflowError, "Python int too large to convert to C int");
        return 0;
    }
    char sep = 0;
    if (sepo && !hex_sep(I, sepo, &sep))
        return 0;
    if (!sepo)
        group = 0;
    size_t len;
    const uint8_t *d = data_of(I, a[0], &len);
    size_t per_abs = (size_t)(group < 0 ? -group : group);
    if (per_abs >= len)
        per_abs = 0;
    size_t chunks = per_abs && len ? (len - 1) / per_abs : 0, outlen = 2 * len + chunks;
    char *out = malloc(outlen + 1);
    size_t j = 0;
    for (size_t i = 0; i < len; i++) {
        /* a separator before byte i: counted from the left, or from the right */
        size_t from = group < 0 ? i : len - i;
        if (per_abs && i > 0 && from % per_abs == 0 && (group < 0 ? i / per_abs <= chunks : true))
            out[j++] = sep;
        out[j++] = "0123456789abcdef"[d[i] >> 4];
        out[j++] = "0123456789abcdef"[d[i] & 15];
    }
    SimId r = sim_str(S, out, j);
    free(out);
    return r;
}

/* bytes.fromhex / bytearray.fromhex (classmethods): two hex digits a byte,
 * whitespace allowed between the pairs */
static SimId fromhex(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    bool ba = a[0] == S->types[SK_BYTEARRAY];
    if (!ba && a[0] != S->types[SK_BYTES])
        return py_not_modelled(I, 0, "fromhex() on a subclass"), (SimId)0;
    if (sim_kind(S, a[1]) != SK_STR) {
        py_raise(I, EXC_TypeError, "fromhex() argument must be str, not %s", op_typename(I, a[1]));
        return 0;
    }
    if (sim_obj(S, a[1])->sub != 1)
        return py_not_modelled(I, 0, "fromhex() of a str with non-ASCII characters"), (SimId)0;
    size_t len, i = 0, k = 0;
    const char *d = sim_str_data(S, a[1], &len);
    uint8_t *out = malloc(len / 2 + 1);
    while (i < len) {
        while (i < len && strchr(" \t\n\r\v\f", d[i]))
            i++;
        if (i >= len)
            break;
        int v[2];
        for (int h = 0; h < 2; h++, i++) {
            char c = i < len ? d[i] : '\0';
            v[h] = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (v[h] < 0) {
                free(out);
                py_raise(I, EXC_ValueError, "non-hexadecimal number found in fromhex() arg at position %zu", i);
                return 0;
            }
        }
        out[k++] = (uint8_t)(v[0] << 4 | v[1]);
    }
    SimId r = ba ? sim_bytearray(S, out, k) : sim_bytes_shared(S, out, k); /* _PyBytesWriter_Finish */
    free(out);
    return r;
}

/* ---- searching ------------------------------------------------------------- */

/* stringlib_parse_args_finds and ADJUST_INDICES: the needle (an int is one
 * byte) and the window [*start, *end) of the haystack */
static bool find_args(PyRun *I, SimId *a, int n, uint8_t *one, const uint8_t **nd, size_t *m, size_t *start,
                      size_t *end)
{
    size_t len;
    data_of(I, a[0], &len);
    SimKind k = sim_kind(S, a[1]);
    if (k == SK_INT || k == SK_BOOL) {
        int b;
        if (!bytes_byte_value(I, a[1], &b))
            return false;
        *one = (uint8_t)b;
        *nd = one;
        *m = 1;
    } else if (bytes_like(I, a[1])) {
        *nd = data_of(I, a[1], m);
    } else if (bytes_buffer_refused(I, a[1])) {
        return false;
    } else {
        if (k == SK_INSTANCE)
            return py_not_modelled(I, 0, "a search of an instance in bytes (__index__, the buffer protocol)");
        py_raise(I, EXC_TypeError, "argument should be integer or bytes-like object, not '%s'", op_typename(I, a[1]));
        return false;
    }
    int64_t s = 0, e = INT64_MAX;
    if ((n > 2 && !str_slice_index(I, a[2], 0, &s)) || (n > 3 && !str_slice_index(I, a[3], INT64_MAX, &e)))
        return false;
    if (e > (int64_t)len)
        e = (int64_t)len;
    else if (e < 0 && (e += (int64_t)len) < 0)
        e = 0;
    if (s < 0 && (s += (int64_t)len) < 0)
        s = 0;
    *start = (size_t)s;
    *end = (size_t)e;
    return true;
}

/* the position of the first (or last) match in the window, or -1 (-2: error) */
static int64_t search(PyRun *I, SimId *a, int n, bool last)
{
    uint8_t one;
    const uint8_t *nd;
    size_t m, s, e, len;
    if (!find_args(I, a, n, &one, &nd, &m, &s, &e))
        return -2;
    const uint8_t *h = data_of(I, a[0], &len);
    if (s > e || e - s < m)
        return -1;
    for (size_t i = 0; i + m <= e - s; i++) {
        size_t at = last ? e - m - i : s + i;
        if (memcmp(h + at, nd, m) == 0)
            return (int64_t)at;
    }
    return -1;
}

static SimId find_result(PyRun *I, int64_t at, bool raise)
{
    if (at == -2)
        return 0;
    if (at == -1 && raise) {
        py_raise(I, EXC_ValueError, "subsection not found");
        return 0;
    }
    return sim_int(S, at);
}

static SimId find(PyRun *I, SimId *a, int n, SimId kw) { (void)kw; return find_result(I, search(I, a, n, false), false); }
static SimId rfind(PyRun *I, SimId *a, int n, SimId kw) { (void)kw; return find_result(I, search(I, a, n, true), false); }
static SimId b_index(PyRun *I, SimId *a, int n, SimId kw) { (void)kw; return find_result(I, search(I, a, n, false), true); }
static SimId b_rindex(PyRun *I, SimId *a, int n, SimId kw) { (void)kw; return find_result(I, search(I, a, n, true), true); }

static SimId count(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    uint8_t one;
    const uint8_t *nd;
    size_t m, s, e, len;
    if (!find_args(I, a, n, &one, &nd, &m, &s, &e))
        return 0;
    const uint8_t *h = data_of(I, a[0], &len);
    if (s > e)
        return sim_int(S, 0);
    if (m == 0)
        return sim_int(S, (int64_t)(e - s) + 1);
    int64_t c = 0;
    for (size_t i = s; i + m <= e;)
        if (memcmp(h + i, nd, m) == 0)
            c++, i += m;
        else
            i++;
    return sim_int(S, c);
}

/* startswith / endswith: a bytes-like or a tuple of them */
static SimId affix(PyRun *I, SimId *a, int n, bool end, const char *name)
{
    SimId arg = a[1];
    bool tuple = sim_kind(S, arg) == SK_TUPLE;
    uint32_t cnt = tuple ? sim_obj(S, arg)->len : 1;
    int64_t s = 0, e = INT64_MAX;
    size_t len;
    const uint8_t *h = data_of(I, a[0], &len);
    if ((n > 2 && !str_slice_index(I, a[2], 0, &s)) || (n > 3 && !str_slice_index(I, a[3], INT64_MAX, &e)))
        return 0;
    if (e > (int64_t)len)
        e = (int64_t)len;
    else if (e < 0 && (e += (int64_t)len) < 0)
        e = 0;
    if (s < 0 && (s += (int64_t)len) < 0)
        s = 0;
    for (uint32_t i = 0; i < cnt; i++) {
        SimId p = tuple ? sim_items(S, arg)[i] : arg;
        if (bytes_buffer_refused(I, p))
            return 0;
        if (!bytes_like(I, p)) {
            if (tuple)
                py_raise(I, EXC_TypeError, "a bytes-like object is required, not '%s'", op_typename(I, p));
            else
                py_raise(I, EXC_TypeError, "%s first arg must be bytes or a tuple of bytes, not %s", name,
                         op_typename(I, p));
            return 0;
        }
        size_t pl;
        const uint8_t *pd = data_of(I, p, &pl);
        if (s <= e && (size_t)(e - s) >= pl && memcmp(end ? h + e - (int64_t)pl : h + s, pd, pl) == 0)
            return sim_bool(S, true);
    }
    return sim_bool(S, false);
}

static SimId startswith(PyRun *I, SimId *a, int n, SimId kw) { (void)kw; return affix(I, a, n, false, "startswith"); }
static SimId endswith(PyRun *I, SimId *a, int n, SimId kw) { (void)kw; return affix(I, a, n, true, "endswith"); }

/* ---- new bytes from old ------------------------------------------------------- */

static SimId recase(PyRun *I, SimId self, bool upper)
{
    size_t len;
    const uint8_t *d = data_of(I, self, &len);
    uint8_t *out = malloc(len + 1);
    for (size_t i = 0; i < len; i++) {
        uint8_t c = d[i];
        out[i] = upper && c >= 'a' && c <= 'z' ? (uint8_t)(c - 32) : !upper && c >= 'A' && c <= 'Z' ? (uint8_t)(c + 32) : c;
    }
    SimId r = like(I, self, out, len);
    free(out);
    return r;
}

static SimId upper(PyRun *I, SimId *a, int n, SimId kw) { (void)n, (void)kw; return recase(I, a[0], true); }
static SimId lower(PyRun *I, SimId *a, int n, SimId kw) { (void)n, (void)kw; return recase(I, a[0], false); }

enum { LEFT = 1, RIGHT = 2 };

static SimId strip_sides(PyRun *I, SimId *a, int n, int sides)
{
    static const uint8_t space[] = " \t\n\r\x0b\x0c";
    const uint8_t *set = space;
    size_t nset = 6, len;
    if (n > 1 && sim_kind(S, a[1]) != SK_NONE) {
        if (bytes_buffer_refused(I, a[1]))
            return 0;
        if (!bytes_like(I, a[1])) {
            py_raise(I, EXC_TypeError, "a bytes-like object is required, not '%s'", op_typename(I, a[1]));
            return 0;
        }
        set = data_of(I, a[1], &nset);
    }
    const uint8_t *d = data_of(I, a[0], &len);
    size_t i = 0, j = len;
    while ((sides & LEFT) && i < j && memchr(set, d[i], nset))
        i++;
    while ((sides & RIGHT) && j > i && memchr(set, d[j - 1], nset))
        j--;
    if (i == 0 && j == len && sim_kind(S, a[0]) == SK_BYTES && !sim_is_subinst(S, a[0])) { /* do_xstrip: itself */
        sim_incref(S, a[0]);
        return a[0];
    }
    if (sim_kind(S, a[0]) == SK_BYTES) { /* PyBytes_FromStringAndSize(s + i, j - i) */
        SimId r = sim_bytes_shared(S, d + i, j - i);
        if (!sim_nomem(S))
            return r;
        sim_decref(S, r);
        return py_no_memory(I), (SimId)0;
    }
    return like(I, a[0], d + i, j - i);
}

static SimId strip(PyRun *I, SimId *a, int n, SimId kw) { (void)kw; return strip_sides(I, a, n, LEFT | RIGHT); }
static SimId lstrip(PyRun *I, SimId *a, int n, SimId kw) { (void)kw; return strip_sides(I, a, n, LEFT); }
static SimId rstrip(PyRun *I, SimId *a, int n, SimId kw) { (void)kw; return strip_sides(I, a, n, RIGHT); }

/* stringlib's join: PySequence_Fast (a list for any other iterable),
 * the one bytes of a sequence of one given back by bytes.join */
static SimId join(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    SimId src = a[1];
    SimKind k = sim_kind(S, src);
    SimId seq = (k == SK_LIST || k == SK_TUPLE) && !sim_is_subinst(S, src) ? src : 0;
    if (seq) {
        sim_incref(S, seq);
    } else {
        if (k == SK_INSTANCE)
            return py_not_modelled(I, 0, "%s.join() of an instance", op_typename(I, a[0])), 0;
        seq = bi_list_from(I, src);
        if (!seq) {
            if (I->ts->err.set && py_err_matches(I, EXC_TypeError) && !I->refused) {
                py_err_clear(I);
                py_raise(I, EXC_TypeError, "can only join an iterable");
            }
            return 0;
        }
    }
    uint32_t cnt = sim_obj(S, seq)->len;
    SimId r = 0;
    if (cnt == 1 && sim_kind(S, a[0]) == SK_BYTES && sim_kind(S, sim_items(S, seq)[0]) == SK_BYTES &&
        !sim_is_subinst(S, sim_items(S, seq)[0])) {
        r = sim_items(S, seq)[0];
        sim_incref(S, r);
        sim_decref(S, seq);
        return r;
    }
    size_t sl;
    const uint8_t *sep = data_of(I, a[0], &sl);
    Buf b = {0};
    for (uint32_t i = 0; i < cnt; i++) {
        SimId it = sim_items(S, seq)[i];
        if (!bytes_like(I, it) && bytes_buffer_refused(I, it)) {
            buf_fini(&b);
            sim_decref(S, seq);
            return 0;
        }
        if (!bytes_like(I, it)) {
            py_raise(I, EXC_TypeError, "sequence item %u: expected a bytes-like object, %s found", i,
                     op_typename(I, it));
            buf_fini(&b);
            sim_decref(S, seq);
            return 0;
        }
        size_t il;
        const uint8_t *id = data_of(I, it, &il);
        if (i)
            buf_add(&b, (const char *)sep, sl);
        buf_add(&b, (const char *)id, il);
    }
    r = like(I, a[0], (const uint8_t *)buf_str(&b), b.len);
    buf_fini(&b);
    sim_decref(S, seq);
    return r;
}

/* each method twice: for bytes, then (the same order) for bytearray */
#define SHARED(K)                                                                                      \
    BUILTIN("decode", K, 0, decode, .kw = "encoding errors", .style = ARGS_CLINIC, .min = 0, .max = 2),   \
    BUILTIN("hex", K, 0, hex, .kw = "sep bytes_per_sep", .clinic = #K ".hex:sep bytes_per_sep", .style = ARGS_CLINIC, .min = 0, .max = 2), \
    BUILTIN("fromhex", K, 0, fromhex, .style = ARGS_ONE, .classmethod = true),                         \
    BUILTIN("find", K, 0, find, .style = ARGS_RANGE, .min = 1, .max = 3, .varargs = VA_TO_312),                                \
    BUILTIN("rfind", K, 0, rfind, .style = ARGS_RANGE, .min = 1, .max = 3, .varargs = VA_TO_312),                              \
    BUILTIN("index", K, 0, b_index, .style = ARGS_RANGE, .min = 1, .max = 3, .varargs = VA_TO_312),                            \
    BUILTIN("rindex", K, 0, b_rindex, .style = ARGS_RANGE, .min = 1, .max = 3, .varargs = VA_TO_312),                          \
    BUILTIN("count", K, 0, count, .style = ARGS_RANGE, .min = 1, .max = 3, .varargs = VA_TO_312),                              \
    BUILTIN("startswith", K, 0, startswith, .style = ARGS_RANGE, .min = 1, .max = 3, .varargs = VA_TO_312),                    \
    BUILTIN("endswith", K, 0, endswith, .style = ARGS_RANGE, .min = 1, .max = 3, .varargs = VA_TO_312),                        \
    BUILTIN("upper", K, 0, upper, .style = ARGS_NONE), BUILTIN("lower", K, 0, lower, .style = ARGS_NONE),   \
    BUILTIN("strip", K, 0, strip, .style = ARGS_RANGE, .min = 0, .max = 1),                              \
    BUILTIN("lstrip", K, 0, lstrip, .style = ARGS_RANGE, .min = 0, .max = 1),                            \
    BUILTIN("rstrip", K, 0, rstrip, .style = ARGS_RANGE, .min = 0, .max = 1),                            \
    BUILTIN("join", K, 0, join, .style = ARGS_ONE)
const BuiltinDef bytes_methods[] = {SHARED(SK_BYTES), SHARED(SK_BYTEARRAY)};
const int bytes_nmethods = (int)(sizeof bytes_methods / sizeof bytes_methods[0]);
const int bytes_nshared = bytes_nmethods / 2;
