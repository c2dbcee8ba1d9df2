/*
 * format_object: PyObject_Format(v, spec) of a built-in value, as
 * FORMAT_VALUE (an f-string field) and format() call it.  Unless v is an
 * exact str or int and the spec empty, CPython looks __format__ up with
 * _PyObject_LookupSpecial, which binds it: a built-in method (a GC object,
 * counted towards the next collection) alive for the call.  Under
 * tracemalloc the formatting's own scratch counts towards the peak too
 * (Python/formatter_unicode.c; measured on 3.11.7, 3.12.1 and 3.13.0):
 *   - a float's PyOS_double_to_string buffer, alive while the result is
 *     written (fast path), or while its text is copied into a str that
 *     lives until the result exists (sign, width or grouping);
 *   - an int's decimal scratch (long_to_decimal_string) while the result
 *     is written, or while the digits' str is made (the slow path).
 * What the model does not follow (repr-style floats, other bases) leaves
 * the peak refused.
 */
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/modules/tracemalloc.h"
#include "pyrun/types/types.h"

#define S (I->sim)

static bool exact_builtin(PyRun *I, SimId v)
{
    SimKind k = sim_kind(S, v);
    return (k == SK_FLOAT || k == SK_INT || k == SK_BOOL || k == SK_STR) && !sim_is_subinst(S, v);
}

bool format_binds_method(PyRun *I, SimId v, bool spec_given)
{
    SimKind k = sim_kind(S, v);
    if (k == SK_INSTANCE || subinst_formats(I, v)) /* a class of the program's: its own __format__ or object's */
        return false;                                  /* (repr.c binds it) */
    return spec_given || !((k == SK_STR || k == SK_INT) && !sim_is_subinst(S, v));
}

void format_bool_text(PyRun *I)
{
    SimId bound = sim_builtin(S, 0, 0); /* the bound __format__ */
    vm_signals_check(I);                /* its PyObject_Str */
    sim_decref(S, bound);
}

void format_text_note(PyRun *I, SimId v)
{
    SimKind k = sim_kind(S, v);
    bool container = (k == SK_LIST || k == SK_TUPLE || k == SK_DICT || k == SK_SET || k == SK_DEQUE) &&
                     !sim_is_subinst(S, v); /* repr.c follows a list's or tuple's writer and notes the others */
    if (k != SK_STR && k != SK_INT && k != SK_FLOAT && k != SK_BOOL && k != SK_NONE && !container)
        tm_note_peak_unsure(I, "an f-string field or format() of an object that is not a str or a number");
}

/* The result str made by a _PyUnicodeWriter: one character is a cached
 * str, but only once the writer's own buffer was made and dropped. */
static SimId written_str(PyRun *I, const Buf *b)
{
    bool one = b->len == 1 && (unsigned char)buf_str(b)[0] < 0x80;
    if (one)
        tm_hold(I, 0, S->prof->str_header + 2);
    SimId r = sim_str(S, buf_str(b), b->len);
    if (one)
        tm_hold(I, 0, 0);
    return r;
}

/* The result str, with the scratch CPython holds around its making. */
static SimId result_str(PyRun *I, SimId v, const Buf *b, const FormatScratch *fs)
{
    size_t str_size = S->prof->str_header + 1; /* an ASCII str of tmp characters: + tmp */
    SimId r;
    switch (fs->how) {
    case FS_FLOAT_FAST: /* the buffer's text itself: one character is the cached str at once */
        tm_hold(I, 0, fs->buf);
        r = sim_str(S, buf_str(b), b->len);
        tm_hold(I, 0, 0);
        return r;
    case FS_FLOAT_SLOW:
        tm_hold(I, 0, fs->buf);
        tm_hold(I, 1, str_size + fs->tmp);
        tm_hold(I, 0, 0);
        r = written_str(I, b);
        tm_hold(I, 1, 0);
        return r;
    case FS_INT_FAST:
        tm_int_scratch(I, v, true);
        r = written_str(I, b);
        tm_int_scratch(I, v, false);
        return r;
    case FS_INT_SLOW:
        tm_int_scratch(I, v, true);
        tm_hold(I, 1, str_size + fs->tmp);
        tm_int_scratch(I, v, false);
        r = written_str(I, b);
        tm_hold(I, 1, 0);
        return r;
    case FS_INT_POW2:
        return written_str(I, b);
    case FS_UNKNOWN:
        tm_note_peak_unsure(I, "a float or int formatted with this spec (the buffers of its formatting)");
        return sim_str(S, buf_str(b), b->len);
    default: /* a str's: written too */
        return written_str(I, b);
    }
}

SimId format_object(PyRun *I, SimId v, const char *spec)
{
    if (!exact_builtin(I, v) || !*spec) { /* the program's __format__, or str(v) */
        Buf b = {0};
        SimId r = 0;
        SimId bound = format_binds_method(I, v, *spec) ? sim_builtin(S, 0, 0) : 0;
        format_text_note(I, v);
        if (op_format(I, v, spec, &b) && !(r = str_if_unchanged(I, v, &b)))
            r = sim_kind(S, v) == SK_FLOAT && !*spec ? str_of_text(I, v, &b) /* float_repr's */
                                                     : sim_str(S, buf_str(&b), b.len);
        buf_fini(&b);
        sim_xdecref(S, bound);
        return r;
    }
    SimId bound = sim_builtin(S, 0, 0); /* the bound __format__ */
    FormatScratch fs = {FS_NONE, 0, 0};
    Buf b = {0};
    SimId r = 0;
    if (format_builtin_scratch(I, v, spec, &b, sim_tracing(S) ? &fs : NULL) && !(r = str_if_unchanged(I, v, &b)))
        r = result_str(I, v, &b, &fs);
    buf_fini(&b);
    sim_decref(S, bound);
    return r;
}
