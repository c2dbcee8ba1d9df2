/*
 * repr_trace: what tracemalloc sees while CPython makes the repr of a list
 * or a tuple (Objects/listobject.c list_repr, tupleobject.c tuplerepr), so
 * that the peak after `print(items)` or `repr(items)` is CPython's:
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
 *     tuple's own writer buffer; None, True and False are static strings.
 *
 * Each buffer is a virtual block of the tracer; a realloc replaces its
 * trace, as tracemalloc's does.  An item whose repr's allocations the model
 * does not follow (a float's, a dict's, an instance's ...) leaves the peak
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

bool rt_follows(PyRun *I, SimId item)
{
    const SimObj *o = sim_obj(S, item);
    switch ((SimKind)o->kind) {
    case SK_NONE: case SK_BOOL: case SK_STR: case SK_LIST: case SK_TUPLE:
        return !sim_is_subinst(S, item);
    case SK_INT: /* an exact int, its value known */
        return !sim_is_subinst(S, item) && o->sub != SIM_INT_UNSURE;
    default:
        return false;
    }
}

void rt_begin(PyRun *I, ReprTrace *rt, SimId seq, int depth)
{
    uint32_t n = sim_obj(S, seq)->len;
    rt->on = sim_tracing(S);
    rt->depth = depth;
    rt->alt = 0;
    rt->kind = 1;
    rt->pos = 0;
    rt->size = 0;
    rt->overallocate = true;
    rt->started = false;
    /* "[" + "1" + ", 2" * (n - 1) + "]"; a 1-tuple "(1,)" */
    rt->min_length = sim_kind(S, seq) == SK_TUPLE && n == 1 ? 4 : 3 * (size_t)n;
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
    if (rt->on)
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
