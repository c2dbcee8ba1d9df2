/*
 * str: the str type's method table (the methods live in str_text.c,
 * str_methods.c, str_split.c), join, startswith/endswith, the constructor
 * and the repr (quote choice and escapes, shared with bytes).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "pyrun/builtins.h"
#include "pyrun/repr_trace.h"
#include "pyrun/types/str_int.h"
#include "pyrun/modules/tracemalloc.h"
#include "pyrun/types/types.h"

#define S (I->sim)

void str_repr(const char *d, size_t n, bool bytes, int ucd, Buf *out)
{
    bool has_sq = memchr(d, '\'', n) != NULL, has_dq = memchr(d, '"', n) != NULL;
    char q = has_sq && !has_dq ? '"' : '\'';
    if (bytes)
        buf_addc(out, 'b');
    buf_addc(out, q);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)d[i];
        if (c == (unsigned char)q || c == '\\') {
            buf_addc(out, '\\');
            buf_addc(out, (char)c);
        } else if (c == '\n') {
            buf_adds(out, "\\n");
        } else if (c == '\r') {
            buf_adds(out, "\\r");
        } else if (c == '\t') {
            buf_adds(out, "\\t");
        } else if (c < 0x20 || c == 0x7f || (bytes && c >= 0x80)) {
            buf_printf(out, "\\x%02x", c);
        } else if (c >= 0x80) { /* unicode_repr escapes what is not printable */
            uint32_t cp;
            size_t len = utf8_decode(d + i, n - i, &cp);
            bool bad = cp == UTF8_REPLACEMENT && len == 1;
            if (bad && c == 0xed && i + 2 < n) { /* a lone surrogate, kept as its 3 bytes */
                cp = (uint32_t)(c & 0x0f) << 12 | (uint32_t)(d[i + 1] & 0x3f) << 6 | (uint32_t)(d[i + 2] & 0x3f);
                len = 3;
            } else if (bad) {
                cp = c; /* no code point: written as it is */
            }
            if (unicode_printable(cp, ucd))
                buf_add(out, d + i, len);
            else
                buf_printf(out, cp <= 0xff ? "\\x%02x" : cp <= 0xffff ? "\\u%04x" : "\\U%08x", cp);
            i += len - 1;
        } else {
            buf_addc(out, (char)c);
        }
    }
    buf_addc(out, q);
}

static SimId str_join(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "join", n - 1, 1, 1))
        return 0;
    SimId l = bi_seq_fast(I, a[1], "can only join an iterable"); /* PyUnicode_Join */
    if (!l)
        return 0;
    if (sim_obj(S, l)->len == 1 && sim_kind(S, sim_items(S, l)[0]) == SK_STR && !sim_is_subinst(S, sim_items(S, l)[0])) {
        SimId only = sim_items(S, l)[0]; /* _PyUnicode_JoinArray: a lone exact str is the result */
        sim_incref(S, only);
        sim_decref(S, l);
        return only;
    }
    size_t sl;
    const char *sep = sim_str_data(S, a[0], &sl);
    uint64_t total = 0; /* PyUnicode_Join sizes the result before copying */
    for (uint32_t i = 0; i < sim_obj(S, l)->len; i++)
        if (sim_kind(S, sim_items(S, l)[i]) == SK_STR)
            total += sim_obj(S, sim_items(S, l)[i])->len + (i ? sl : 0);
    if (!py_mem_room(I, total)) {
        sim_decref(S, l);
        return 0;
    }
    Buf b = {0};
    for (uint32_t i = 0; i < sim_obj(S, l)->len; i++) {
        SimId it = sim_items(S, l)[i];
        if (sim_kind(S, it) != SK_STR) {
            py_raise(I, EXC_TypeError, "sequence item %u: expected str instance, %s found", i, op_typename(I, it));
            buf_fini(&b);
            sim_decref(S, l);
            return 0;
        }
        if (i)
            buf_add(&b, sep, sl);
        size_t n2;
        const char *d = sim_str_data(S, it, &n2);
        buf_add(&b, d, n2);
    }
    sim_decref(S, l);
    SimId r = sim_str_fresh(S, buf_str(&b), b.len); /* PyUnicode_New: one character is no singleton */
    buf_fini(&b);
    return r;
}

/* tailmatch: does p (code points) stand at the start (or end) of s[start:end]? */
static bool tail_match(const uint32_t *s, int64_t len, const uint32_t *p, int64_t pl, int64_t start, int64_t end,
                       bool at_end)
{
    if (end > len) /* ADJUST_INDICES */
        end = len;
    else if (end < 0 && (end += len) < 0)
        end = 0;
    if (start < 0 && (start += len) < 0)
        start = 0;
    end -= pl;
    if (end < start)
        return false;
    return memcmp(s + (at_end ? end : start), p, (size_t)pl * sizeof *p) == 0;
}

/* str.startswith / str.endswith: a str or a tuple of str, within
 * [start:end] when given */
static SimId str_affix(PyRun *I, SimId *a, int n, bool end)
{
    const char *name = end ? "endswith" : "startswith";
    SimId arg = a[1];
    bool tuple = sim_kind(S, arg) == SK_TUPLE;
    if (!tuple && sim_kind(S, arg) != SK_STR) {
        py_raise(I, EXC_TypeError, "%s first arg must be str or a tuple of str, not %s", name,
                 op_typename(I, arg));
        return 0;
    }
    int64_t from, to;
    if (!str_slice_index(I, n > 2 ? a[2] : 0, 0, &from) || !str_slice_index(I, n > 3 ? a[3] : 0, INT64_MAX, &to))
        return 0;
    size_t len;
    uint32_t *cs = str_decode(I, a[0], &len);
    uint32_t cnt = tuple ? sim_obj(S, arg)->len : 1;
    bool found = false;
    for (uint32_t i = 0; !found && i < cnt; i++) {
        SimId p = tuple ? sim_items(S, arg)[i] : arg;
        if (sim_kind(S, p) != SK_STR) {
            free(cs);
            py_raise(I, EXC_TypeError, "tuple for %s must only contain str, not %s", name, op_typename(I, p));
            return 0;
        }
        size_t pl;
        uint32_t *cp = str_decode(I, p, &pl);
        found = tail_match(cs, (int64_t)len, cp, (int64_t)pl, from, to, end);
        free(cp);
    }
    free(cs);
    return sim_bool(S, found);
}

static SimId str_startswith(PyRun *I, SimId *a, int n, SimId kw) { (void)kw; return str_affix(I, a, n, false); }
static SimId str_endswith(PyRun *I, SimId *a, int n, SimId kw) { (void)kw; return str_affix(I, a, n, true); }

#define NOARGS(nm, f) BUILTIN(nm, SK_STR, 0, f, .style = ARGS_NONE)
#define RANGE(nm, f, lo, hi) BUILTIN(nm, SK_STR, 0, f, .style = ARGS_RANGE, .min = lo, .max = hi)
#define ONE(nm, f) BUILTIN(nm, SK_STR, 0, f, .style = ARGS_ONE)
const BuiltinDef str_methods[] = {
    BUILTIN("join", SK_STR, 0, str_join, .style = ARGS_ONE),
    BUILTIN("maketrans", SK_STR, 0, str_maketrans, .style = ARGS_RANGE, .min = 1, .max = 3, .classmethod = true),
    ONE("translate", str_translate),
    NOARGS("upper", str_upper), NOARGS("lower", str_lower), NOARGS("casefold", str_casefold),
    NOARGS("swapcase", str_swapcase), NOARGS("capitalize", str_capitalize), NOARGS("title", str_title),
    NOARGS("isdigit", str_isdigit), NOARGS("isdecimal", str_isdecimal), NOARGS("isnumeric", str_isnumeric),
    NOARGS("isalpha", str_isalpha), NOARGS("isalnum", str_isalnum), NOARGS("isspace", str_isspace),
    NOARGS("isupper", str_isupper), NOARGS("islower", str_islower), NOARGS("istitle", str_istitle),
    NOARGS("isascii", str_isascii), NOARGS("isidentifier", str_isidentifier), NOARGS("isprintable", str_isprintable),
    RANGE("strip", str_strip, 0, 1), RANGE("lstrip", str_lstrip, 0, 1), RANGE("rstrip", str_rstrip, 0, 1),
    RANGE("ljust", str_ljust, 1, 2), RANGE("rjust", str_rjust, 1, 2), RANGE("center", str_center, 1, 2),
    ONE("zfill", str_zfill), ONE("partition", str_partition), ONE("rpartition", str_rpartition),
    ONE("removeprefix", str_removeprefix), ONE("removesuffix", str_removesuffix),
    BUILTIN("find", SK_STR, 0, str_find, .varargs = VA_TO_312), BUILTIN("rfind", SK_STR, 0, str_rfind, .varargs = VA_TO_312),
    BUILTIN("index", SK_STR, 0, str_index, .varargs = VA_TO_312), BUILTIN("rindex", SK_STR, 0, str_rindex, .varargs = VA_TO_312),
    BUILTIN("count", SK_STR, 0, str_count, .varargs = VA_TO_312),
    BUILTIN("split", SK_STR, 0, str_split, .kw = "sep maxsplit", .clinic = "str.split:sep maxsplit", .style = ARGS_CLINIC, .min = 0, .max = 2),
    BUILTIN("rsplit", SK_STR, 0, str_rsplit, .kw = "sep maxsplit", .clinic = "str.rsplit:sep maxsplit", .style = ARGS_CLINIC, .min = 0, .max = 2),
    BUILTIN("splitlines", SK_STR, 0, str_splitlines, .kw = "keepends", .clinic = "str.splitlines:keepends", .style = ARGS_CLINIC, .min = 0, .max = 1),
    BUILTIN("expandtabs", SK_STR, 0, str_expandtabs, .kw = "tabsize", .clinic = "str.expandtabs:tabsize", .style = ARGS_CLINIC, .min = 0, .max = 1),
    BUILTIN("encode", SK_STR, 0, str_encode_method, .kw = "encoding errors", .clinic = "str.encode:encoding errors", .style = ARGS_CLINIC, .min = 0, .max = 2),
    BUILTIN("startswith", SK_STR, 0, str_startswith, .style = ARGS_CLINIC, .min = 1, .max = 3, .varargs = VA_TO_312),
    BUILTIN("endswith", SK_STR, 0, str_endswith, .style = ARGS_CLINIC, .min = 1, .max = 3, .varargs = VA_TO_312),
    BUILTIN("replace", SK_STR, 0, str_replace, .kw = "count", .kw_profiles = VA_313, .kw_late = true, .style = ARGS_OWN, .min = 2), BUILTIN("format", SK_STR, 0, str_format, .kw = "*", .varargs = VA_ALL),
    ONE("format_map", str_format_map),
};
const int str_nmethods = (int)(sizeof str_methods / sizeof str_methods[0]);


SimId str_construct(PyRun *I, SimId *a, int n, SimId kw)
{
    int np = bi_npos(I, n, kw);
    SimId held = 0; /* no vectorcall: type_call packs the arguments, held while __str__ runs */
    if (!S->prof->str_vectorcall && n > 0 && sim_kind(S, a[0]) == SK_INSTANCE) {
        held = sim_tuple(S, (size_t)n);
        for (int i = 0; i < n; i++) {
            sim_incref(S, a[i]);
            sim_tuple_set(S, held, (size_t)i, a[i]);
        }
    } else if (!S->prof->str_vectorcall) {
        bi_args_tuple(I, n);
    }
    SimId r = str_of(I, a, n, np);
    sim_xdecref(S, held);
    return r;
}

/* str(x) once the arguments are packed */
SimId str_of(PyRun *I, SimId *a, int n, int np)
{
    (void)n;
    if (np == 2 || np == 3)
        return py_not_modelled(I, 0, "str() with an encoding"), 0;
    if (!bi_nargs(I, "str", np, 0, 1))
        return 0;
    if (np == 0)
        return sim_str(S, "", 0);
    if (sim_kind(S, a[0]) == SK_STR && !sim_is_subinst(S, a[0])) {
        sim_incref(S, a[0]);
        return a[0];
    }
    if (sim_kind(S, a[0]) == SK_STR && !sim_type_lookup(S, sim_obj(S, a[0])->type, "__str__")) {
        size_t len; /* unicode_str: an exact copy of a subclass's instance */
        const char *d = sim_str_data(S, a[0], &len);
        return sim_str_fresh(S, d, len);
    }
    Buf b = {0};
    if (!op_str(I, a[0], &b)) {
        buf_fini(&b);
        return 0;
    }
    SimId r = str_of_text(I, a[0], &b);
    buf_fini(&b);
    return r;
}

/* long_to_decimal_string makes its str with PyUnicode_New: a one-digit
 * int's text is a new object, not the cached one-character string */
SimId str_as_is(PyRun *I, SimId v)
{
    if (sim_kind(S, v) == SK_BOOL) { /* bool_repr: &_Py_ID(True) or &_Py_ID(False) */
        bool t = v == S->true_;
        if (!I->bool_text[t])
            I->bool_text[t] = sim_str_static(S, t ? "True" : "False", t ? 4 : 5);
        sim_incref(S, I->bool_text[t]);
        return I->bool_text[t];
    }
    if (sim_kind(S, v) != SK_STR || sim_is_subinst(S, v))
        return 0;
    sim_incref(S, v);
    return v;
}

void str_ascii_escape(const Buf *in, Buf *out)
{
    const unsigned char *d = (const unsigned char *)buf_str(in);
    for (size_t i = 0; i < in->len;) {
        unsigned char b = d[i];
        size_t w = b < 0x80 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
        uint32_t c = w == 1 ? b : w == 2 ? b & 0x1fu : w == 3 ? b & 0x0fu : b & 0x07u;
        for (size_t j = 1; j < w && i + j < in->len; j++)
            c = c << 6 | (d[i + j] & 0x3fu);
        i += w;
        if (c < 0x80)
            buf_addc(out, (char)c);
        else if (c < 0x100)
            buf_printf(out, "\\x%02x", c);
        else if (c < 0x10000)
            buf_printf(out, "\\u%04x", c);
        else
            buf_printf(out, "\\U%08x", c);
    }
}

bool op_ascii(PyRun *I, SimId v, Buf *out)
{
    Buf r = {0};
    bool ok = op_repr(I, v, &r);
    if (ok)
        str_ascii_escape(&r, out);
    buf_fini(&r);
    return ok;
}

SimId str_if_unchanged(PyRun *I, SimId v, const Buf *b)
{
    if (sim_kind(S, v) != SK_STR || sim_is_subinst(S, v))
        return 0;
    size_t n;
    const char *d = sim_str_data(S, v, &n);
    if (n != b->len || memcmp(d, buf_str(b), n) != 0)
        return 0;
    sim_incref(S, v);
    return v;
}

SimId str_of_text(PyRun *I, SimId v, const Buf *b)
{
    if (sim_kind(S, v) == SK_BOOL)
        return str_as_is(I, v);
    if (sim_kind(S, v) == SK_INT) { /* its scratch int lives until the str is made */
        tm_int_scratch(I, v, true);
        SimId r = sim_str_fresh(S, buf_str(b), b->len);
        tm_int_scratch(I, v, false);
        return r;
    }
    if (sim_kind(S, v) == SK_FLOAT && !sim_is_subinst(S, v)) { /* float_repr's digit buffer lives until the str is made */
        rt_float_text(I, buf_str(b), b->len, true);
        SimId r = sim_str(S, buf_str(b), b->len);
        rt_float_text(I, buf_str(b), b->len, false);
        return r;
    }
    if (sim_kind(S, v) == SK_FLOAT)
        tm_note_peak_unsure(I, "the text of a float");
    return sim_str(S, buf_str(b), b->len);
}
