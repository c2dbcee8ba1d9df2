/*
 * repr_trace: what tracemalloc sees while CPython makes the repr of a list,
 * a tuple or a dict (Objects/listobject.c list_repr, tupleobject.c
 * tuplerepr, dictobject.c dict_repr), so that the peak after
 * `print(items)` or `repr(items)` is CPython's:
 *
 *   - a _PyUnicodeWriter (Objects/unicodeobject.c) whose first buffer
 *     holds min_length characters ("[" + "1" + ", 2" * (n - 1) + "]"),
 *     grown by a quarter over what it needs while items are written
 *     (OVERALLOCATE_FACTOR 4), widened to a new buffer when an item's
 *     characters do not fit its kind (both alive for the copy), written
 *     exactly for the closing bracket, and shrunk to its text at the end;
 *   - each item's repr, a str alive while it is copied in: an int's with
 *     its decimal scratch int alive while the str is made
 *     (long_to_decimal_string), a str's (unicode_repr), an inner list's or
 *     tuple's own writer buffer, a float's with the buffer its digits were
 *     written to (PyOS_double_to_string); None, True and False are static
 *     strings.
 *
 * Each buffer is a virtual block of the tracer; a realloc replaces its
 * trace, as tracemalloc's does.  An item whose repr's allocations the model
 * does not follow (a dict's, an instance's ...) leaves the peak
 * unsure, and tracemalloc refuses to print it.
 */
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/modules/tracemalloc.h"
#include "pyrun/repr_trace.h"
#include "sim/trace.h"

#define S (I->sim)

/* two keys per depth for the writer (a widened buffer is made before the
 * old one is dropped), one for an item's repr */
#define WRITER_KEY(depth, alt) (SIM_TRACE_VIRTUAL_BASE + 64 + 3 * (uint32_t)(depth) + (alt))
#define ITEM_KEY(depth) (SIM_TRACE_VIRTUAL_BASE + 64 + 3 * (uint32_t)(depth) + 2)

/* the characters and the kind (1 ASCII, 2 Latin-1, 3 UCS-2, 4 UCS-4) of
 * UTF-8 text */
static void text_shape(const unsigned char *t, size_t n, size_t *chars, int *kind)
{
    *chars = 0;
    *kind = 1;
    for (size_t i = 0; i < n;) {
        unsigned c = t[i];
        size_t len = c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
        uint32_t cp = c < 0x80 ? c : c < 0xe0 ? c & 0x1f : c < 0xf0 ? c & 0x0f : c & 0x07;
        for (size_t k = 1; k < len && i + k < n; k++)
            cp = cp << 6 | (t[i + k] & 0x3f);
        int kd = cp < 0x80 ? 1 : cp < 0x100 ? 2 : cp < 0x10000 ? 3 : 4;
        if (kd > *kind)
            *kind = kd;
        (*chars)++;
        i += len;
    }
}

/* PyUnicode_New(chars, maxchar of kind): the bytes it asks for */
static size_t unicode_bytes(PyRun *I, int kind, size_t chars)
{
    if (kind == 1)
        return S->prof->str_header + chars + 1;
    size_t width = kind == 2 ? 1 : kind == 3 ? 2 : 4;
    return S->prof->str_compact_header + (chars + 1) * width;
}

#define FLOAT_BUFFER_KEY (SIM_TRACE_VIRTUAL_BASE + 63)

/* The buffer PyOS_double_to_string(x, 'r', 0, Py_DTSF_ADD_DOT_0, NULL)
 * allocates for a float whose repr is t (Python/pystrtod.c
 * format_float_short: sign, point and NUL, the digits with their zero
 * padding, an exponent's 5) */
static size_t float_buffer(const char *t, size_t n)
{
    size_t i = 0;
    if (i < n && (t[i] == '-' || t[i] == '+'))
        i++;
    if (i < n && (t[i] == 'i' || t[i] == 'n')) /* inf, nan */
        return 5;
    long digits = 0, lead = 0, point = -1, trailing = 0;
    bool use_exp = false, seen = false;
    for (; i < n; i++) {
        char c = t[i];
        if (c == 'e' || c == 'E') {
            use_exp = true;
            break;
        }
        if (c == '.') {
            point = digits + lead;
            continue;
        }
        if (c == '0' && !seen) {
            lead++;
            continue;
        }
        seen = true;
        digits++;
        trailing = c == '0' ? trailing + 1 : 0;
    }
    if (point < 0)
        point = digits + lead;
    digits -= trailing; /* the dtoa digits carry no trailing zeros */
    long decpt = point - lead;
    if (digits == 0) { /* zero: the digit "0" before the point */
        digits = 1;
        decpt = 1;
    }
    if (use_exp)
        decpt = 1;
    long vstart = decpt <= 0 ? decpt - 1 : 0, vend = digits;
    if (!use_exp)
        vend = vend > decpt ? vend : decpt + 1;
    else
        vend = vend > decpt ? vend : decpt;
    return (size_t)(3 + (vend - vstart) + (use_exp ? 5 : 0));
}

void rt_float_text(PyRun *I, const char *text, size_t n, bool alive)
{
    if (sim_tracing(S))
        sim__trace_virtual(S, FLOAT_BUFFER_KEY, alive ? float_buffer(text, n) : 0);
}

bool rt_follows(PyRun *I, SimId item)
{
    const SimObj *o = sim_obj(S, item);
    switch ((SimKind)o->kind) {
    case SK_NONE: case SK_BOOL: case SK_STR: case SK_LIST: case SK_TUPLE: case SK_FLOAT:
        return !sim_is_subinst(S, item);
    case SK_DICT:
        return sim_type_of(S, item) == S->types[SK_DICT];
    case SK_INT: /* an exact int, its value known */
        return !sim_is_subinst(S, item) && o->sub != SIM_INT_UNSURE;
    default:
        return false;
    }
}

void rt_begin(PyRun *I, ReprTrace *rt, SimId seq, int depth)
{
    uint32_t n = sim_obj(S, seq)->len;
    SimKind k = sim_kind(S, seq);
    rt->on = sim_tracing(S);
    rt->depth = depth;
    rt->alt = 0;
    rt->kind = 1;
    rt->pos = 0;
    rt->size = 0;
    rt->overallocate = true;
    rt->started = false;
    /* "[" + "1" + ", 2" * (n - 1) + "]"; a 1-tuple "(1,)"; dict_repr's
     * "{" + "1: 2" + ", 3: 4" * (n - 1) + "}" */
    rt->min_length = k == SK_DICT ? 6 * (size_t)n : k == SK_TUPLE && n == 1 ? 4 : 3 * (size_t)n;
}

/* _PyUnicodeWriter_PrepareInternal: room for len more characters of kind */
static void prepare(PyRun *I, ReprTrace *rt, size_t len, int kind)
{
    size_t newlen = rt->pos + len;
    if (!rt->started) { /* the first buffer */
        if (rt->overallocate)
            newlen += newlen / 4;
        if (newlen < rt->min_length)
            newlen = rt->min_length;
        rt->started = true;
        rt->kind = kind;
        rt->size = newlen;
        sim__trace_virtual(S, WRITER_KEY(rt->depth, rt->alt), unicode_bytes(I, rt->kind, rt->size));
        return;
    }
    if (newlen > rt->size) {
        if (rt->overallocate)
            newlen += newlen / 4;
        if (newlen < rt->min_length)
            newlen = rt->min_length;
    } else if (kind > rt->kind) {
        newlen = rt->size; /* widened in place of the same length */
    } else {
        return;
    }
    if (kind > rt->kind) { /* a new buffer of the wider kind, then the old one dropped */
        rt->kind = kind;
        sim__trace_virtual(S, WRITER_KEY(rt->depth, !rt->alt), unicode_bytes(I, rt->kind, newlen));
        sim__trace_virtual(S, WRITER_KEY(rt->depth, rt->alt), 0);
        rt->alt = !rt->alt;
    } else { /* resize_compact: a realloc */
        sim__trace_virtual(S, WRITER_KEY(rt->depth, rt->alt), unicode_bytes(I, rt->kind, newlen));
    }
    rt->size = newlen;
}

/* an ASCII piece the writer writes itself: "[", ", ", "]", ",)" */
static void write_ascii(PyRun *I, ReprTrace *rt, size_t len)
{
    if (!rt->started || len > rt->size - rt->pos)
        prepare(I, rt, len, 1);
    rt->pos += len;
}

void rt_open(PyRun *I, ReprTrace *rt)
{
    if (rt->on)
        write_ascii(I, rt, 1);
}

void rt_separator(PyRun *I, ReprTrace *rt)
{
    if (rt->on) /* ", ", or a dict's ": " */
        write_ascii(I, rt, 2);
}

/* The item's repr `text` was made: its str (and an int's scratch) as
 * PyObject_Repr made it, copied in (_PyUnicodeWriter_WriteStr), dropped. */
void rt_item(PyRun *I, ReprTrace *rt, SimId item, bool nested, const char *text, size_t n)
{
    if (!rt->on)
        return;
    size_t chars;
    int kind;
    text_shape((const unsigned char *)text, n, &chars, &kind);
    SimKind k = sim_kind(S, item);
    uint32_t key = ITEM_KEY(rt->depth);
    if (k == SK_NONE || k == SK_BOOL) {
        key = 0; /* a static string */
    } else if (nested) {
        /* the inner writer's buffer, moved to this key at its end, is the str */
    } else if (k == SK_INT) {
        tm_int_scratch(I, item, true);
        sim__trace_virtual(S, key, unicode_bytes(I, kind, chars));
        tm_int_scratch(I, item, false);
    } else if (k == SK_FLOAT) { /* float_repr: the str made while its digits' buffer lives */
        rt_float_text(I, text, n, true);
        sim__trace_virtual(S, key, unicode_bytes(I, kind, chars));
        rt_float_text(I, text, n, false);
    } else { /* a str's repr, an empty list's "[]" or tuple's "()" */
        sim__trace_virtual(S, key, unicode_bytes(I, kind, chars));
    }
    if (chars && (kind > rt->kind || chars > rt->size - rt->pos))
        prepare(I, rt, chars, kind);
    rt->pos += chars;
    if (key)
        sim__trace_virtual(S, key, 0);
}

void rt_close(PyRun *I, ReprTrace *rt, size_t len, bool keep)
{
    if (!rt->on)
        return;
    rt->overallocate = false;
    write_ascii(I, rt, len);
    if (rt->size != rt->pos) /* _PyUnicodeWriter_Finish: the buffer shrunk to the text */
        sim__trace_virtual(S, WRITER_KEY(rt->depth, rt->alt), unicode_bytes(I, rt->kind, rt->pos));
    if (keep) /* the enclosing writer's item now */
        sim_trace_replace(S, ITEM_KEY(rt->depth - 1), unicode_bytes(I, rt->kind, rt->pos),
                          WRITER_KEY(rt->depth, rt->alt));
    else /* the outermost: the model's own str takes its place */
        sim__trace_virtual(S, WRITER_KEY(rt->depth, rt->alt), 0);
}

void rt_abort(PyRun *I, ReprTrace *rt)
{
    if (!rt->on)
        return;
    sim__trace_virtual(S, ITEM_KEY(rt->depth), 0);
    if (rt->started)
        sim__trace_virtual(S, WRITER_KEY(rt->depth, rt->alt), 0);
}
