/*
 * str_format: str.format, read as CPython's MarkupIterator reads a format
 * string: literal text with `{{`/`}}`, fields `{name.attr[key]!conv:spec}`
 * numbered automatically or by hand, and CPython's errors for the rest.
 * A spec may hold replacement fields of its own (`{:{width}}`), one level
 * deep as CPython allows; `!a` is refused.  str.format_map(mapping) is
 * the same with the keyword fields read by mapping[name] (a dict
 * subclass's __missing__ answers) and no positional fields at all.
 */
#include <stdlib.h>
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/modules/tracemalloc.h"
#include "pyrun/types/types.h"

#define S (I->sim)

typedef struct Fmt {
    PyRun *I;
    SimId *a;       /* a[0] is the format string, then the arguments */
    int n, np;      /* all of them; positional ones after a[0] */
    SimId kw;
    SimId map;      /* format_map's mapping (borrowed), or 0 */
    int auto_i;     /* next automatic number; -1 once numbered by hand */
    bool manual;
    bool single;    /* the format string is one field and nothing else */
    SimId as_is;    /* then: the str the writer kept as it is (a new reference) */
} Fmt;

static bool render(Fmt *f, const char *d, size_t len, int depth, Buf *out);

static bool fmt_value_error(PyRun *I, const char *msg)
{
    py_raise(I, EXC_ValueError, "%s", msg);
    return false;
}

/* The first part of a field name: an argument by number or by keyword.
 * Returns a new reference or 0. */
static SimId field_arg(Fmt *f, const char *name, size_t len)
{
    PyRun *I = f->I;
    bool digits = len > 0;
    for (size_t i = 0; i < len; i++)
        digits &= name[i] >= '0' && name[i] <= '9';
    if (len == 0 || digits) {
        long idx;
        if (len == 0) {
            if (f->manual) {
                fmt_value_error(I, "cannot switch from manual field specification to automatic field numbering");
                return 0;
            }
            idx = f->auto_i++;
        } else {
            if (f->auto_i > 0) {
                fmt_value_error(I, "cannot switch from automatic field numbering to manual field specification");
                return 0;
            }
            f->manual = true;
            idx = strtol(name, NULL, 10);
        }
        if (f->map) { /* get_field_object without args */
            fmt_value_error(I, "Format string contains positional fields");
            return 0;
        }
        if (idx >= f->np) {
            py_raise(I, EXC_IndexError, "Replacement index %ld out of range for positional args tuple", idx);
            return 0;
        }
        sim_incref(S, f->a[1 + idx]);
        return f->a[1 + idx];
    }
    if (f->map) { /* PyObject_GetItem(mapping, key) */
        SimId k = sim_str(S, name, len);
        SimId v = op_getitem(I, f->map, k);
        sim_decref(S, k);
        return v;
    }
    char key[256];
    size_t kl = len < sizeof key - 1 ? len : sizeof key - 1;
    memcpy(key, name, kl);
    key[kl] = 0;
    SimId v = kl == len ? bi_kwarg(I, f->a, f->n, f->kw, key) : 0;
    if (!v) {
        SimId k = sim_str(S, name, len);
        py_raise_key(I, EXC_KeyError, k);
        sim_decref(S, k);
        return 0;
    }
    sim_incref(S, v);
    return v;
}

/* `.attr` and `[key]` after the first part; v is consumed. */
static SimId field_rest(Fmt *f, SimId v, const char *p, const char *end)
{
    PyRun *I = f->I;
    while (v && p < end) {
        SimId next = 0, key;
        if (*p == '.') {
            const char *q = ++p;
            while (q < end && *q != '.' && *q != '[')
                q++;
            if (q == p) {
                sim_decref(S, v);
                fmt_value_error(I, "Empty attribute in format string");
                return 0;
            }
            key = sim_str_intern(S, p, (size_t)(q - p));
            next = attr_get(I, v, key);
            p = q;
        } else if (*p == '[') {
            const char *q = ++p;
            while (q < end && *q != ']')
                q++;
            if (q == end || q == p) {
                sim_decref(S, v);
                fmt_value_error(I, q == p ? "Empty attribute in format string" : "Missing ']' in format string");
                return 0;
            }
            bool digits = true;
            for (const char *c = p; c < q; c++)
                digits &= *c >= '0' && *c <= '9';
            key = digits ? sim_int(S, strtol(p, NULL, 10)) : sim_str(S, p, (size_t)(q - p));
            next = op_getitem(I, v, key);
            p = q + 1;
        } else {
            sim_decref(S, v);
            fmt_value_error(I, "Only '.' or '[' may follow ']' in format field specifier");
            return 0;
        }
        sim_decref(S, key);
        sim_decref(S, v);
        v = next;
    }
    return v;
}

/* One replacement field, from after its '{' (*pos) to its '}'. */
static bool field(Fmt *f, const char *d, size_t len, size_t *pos, int depth, Buf *out)
{
    PyRun *I = f->I;
    size_t i = *pos, name_end, brackets = 0;
    while (i < len && (brackets > 0 || (d[i] != '}' && d[i] != ':' && d[i] != '!'))) {
        if (d[i] == '[')
            brackets++;
        else if (d[i] == ']' && brackets)
            brackets--;
        else if (d[i] == '{')
            return py_not_modelled(I, 0, "a '{' inside a str.format field name");
        i++;
    }
    name_end = i;
    char conv = 0;
    if (i < len && d[i] == '!') {
        if (i + 1 >= len)
            return fmt_value_error(I, "end of string while looking for conversion specifier");
        conv = d[i + 1];
        i += 2;
        if (i >= len || (d[i] != ':' && d[i] != '}'))
            return fmt_value_error(I, "expected ':' after conversion specifier");
    }
    size_t spec_start = i + (i < len && d[i] == ':'), spec_end = spec_start;
    int nest = 1; /* the spec ends at the '}' that closes the field */
    bool nested = false;
    for (; spec_end < len; spec_end++) {
        if (d[spec_end] == '{')
            nest++, nested = true;
        else if (d[spec_end] == '}' && --nest == 0)
            break;
    }
    if (spec_end >= len)
        return fmt_value_error(I, "expected '}' before end of string");
    size_t first = *pos;
    while (first < name_end && d[first] != '.' && d[first] != '[')
        first++;
    SimId v = field_arg(f, d + *pos, first - *pos);
    v = v ? field_rest(f, v, d + first, d + name_end) : 0;
    if (!v)
        return false;
    if ((conv == 'r' || conv == 's' || conv == 'a') && sim_kind(S, v) != SK_STR && sim_kind(S, v) != SK_BOOL)
        tm_note_peak_unsure(I, "a str.format() field converted with !r or !s");
    SimId same = conv == 's' || (conv == 'r' && sim_kind(S, v) == SK_BOOL) ? str_as_is(I, v) : 0;
    if (same) { /* PyObject_Str of an exact str is itself; bool_repr's static text */
        sim_decref(S, v);
        v = same;
    } else if (conv == 'r' || conv == 's' || conv == 'a') {
        Buf t = {0};
        bool ok = conv == 'r' ? op_repr(I, v, &t) : conv == 'a' ? op_ascii(I, v, &t) : op_str(I, v, &t);
        sim_decref(S, v);
        v = ok ? sim_str(S, buf_str(&t), t.len) : 0;
        buf_fini(&t);
        if (!v)
            return false;
    } else if (conv) {
        sim_decref(S, v);
        py_raise(I, EXC_ValueError, "Unknown conversion specifier %c", conv);
        return false;
    }
    Buf spec = {0}; /* the spec, its own fields rendered first */
    bool ok = nested ? render(f, d + spec_start, spec_end - spec_start, depth - 1, &spec)
                     : (buf_add(&spec, d + spec_start, spec_end - spec_start), true);
    if (__builtin_expect(S->pm.trace != NULL, 0) && ok && sim_kind(S, v) != SK_STR &&
        !(sim_kind(S, v) == SK_BOOL && spec.len == 0)) {
        /* render_field's fast path writes an exact int without a spec through
         * its scratch int; other values make strings of their own (a bool's
         * text without a spec is bool_repr's static str: nothing is made) */
        if (sim_kind(S, v) == SK_INT && spec.len == 0) {
            tm_int_scratch(I, v, true);
            tm_int_scratch(I, v, false);
        } else {
            tm_note_peak_unsure(I, "a str.format() field that is not a str or an int without a spec");
        }
    }
    if (ok && f->single && depth == 2 && spec.len == 0 && (f->as_is = str_as_is(I, v)) != 0) {
        buf_fini(&spec); /* the writer, empty, keeps the str as it is */
        sim_decref(S, v);
        *pos = spec_end + 1;
        return true;
    }
    if (ok && f->single && depth == 2 && sim_kind(S, v) == SK_STR) { /* a spec that keeps it whole */
        Buf t = {0};
        ok = op_format(I, v, buf_str(&spec), &t);
        if (ok && !(f->as_is = str_if_unchanged(I, v, &t)))
            buf_add(out, buf_str(&t), t.len);
        buf_fini(&t);
        buf_fini(&spec);
        sim_decref(S, v);
        *pos = spec_end + 1;
        return ok;
    }
    ok = ok && op_format(I, v, buf_str(&spec), out);
    buf_fini(&spec);
    sim_decref(S, v);
    *pos = spec_end + 1;
    return ok;
}

static SimId format_with(PyRun *I, SimId *a, int n, SimId kw, SimId map);

/* str.format is METH_VARARGS|METH_KEYWORDS: the call packs its arguments
 * into a tuple and its keywords into a dict, held while it runs (a
 * __format__ or __str__ it calls sees their references): BuiltinDef.varargs */
SimId str_format(PyRun *I, SimId *a, int n, SimId kw) { return format_with(I, a, n, kw, 0); }

/* str.format_map is METH_O: nothing packed */
SimId str_format_map(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw, (void)n;
    return format_with(I, a, 1, 0, a[1]);
}

/* build_string: literal text and fields; depth 2 at the top, as CPython's
 * recursion_depth, so a spec's fields may not nest further */
static bool render(Fmt *f, const char *d, size_t len, int depth, Buf *out)
{
    PyRun *I = f->I;
    if (depth <= 0)
        return fmt_value_error(I, "Max string recursion exceeded");
    bool ok = true;
    for (size_t i = 0; ok && i < len;) {
        char c = d[i];
        if ((c == '{' || c == '}') && i + 1 < len && d[i + 1] == c) {
            buf_addc(out, c);
            i += 2;
        } else if (c == '}') {
            ok = fmt_value_error(I, "Single '}' encountered in format string");
        } else if (c == '{') {
            if (i + 1 >= len)
                return fmt_value_error(I, "Single '{' encountered in format string");
            i++;
            ok = field(f, d, len, &i, depth, out);
        } else {
            buf_addc(out, d[i++]);
        }
    }
    return ok;
}

/* Is the format string one replacement field and nothing else ("{}",
 * "{0!s}", "{name}")? Its str may then come back as it is. */
static bool single_field(const char *d, size_t len)
{
    if (len < 2 || d[0] != '{' || d[1] == '{' || d[len - 1] != '}')
        return false;
    int nest = 0;
    for (size_t i = 0; i < len; i++) {
        nest += d[i] == '{' ? 1 : d[i] == '}' ? -1 : 0;
        if (nest == 0)
            return i == len - 1;
    }
    return false;
}

/* build_string over the arguments (format) or a mapping (format_map) */
static SimId format_with(PyRun *I, SimId *a, int n, SimId kw, SimId map)
{
    Fmt f = {.I = I, .a = a, .n = n, .np = bi_npos(I, n, kw) - 1, .kw = kw, .map = map};
    size_t len;
    const char *d = sim_str_data(S, a[0], &len);
    char *text = malloc(len + 1); /* a field may run code that moves the str's storage */
    memcpy(text, d, len);
    if (!memchr(text, '{', len) && !memchr(text, '}', len) && !sim_is_subinst(S, a[0])) {
        free(text); /* literal text only: the writer keeps the format string itself */
        sim_incref(S, a[0]);
        return a[0];
    }
    Buf b = {0};
    f.single = single_field(text, len);
    /* build_string: min_length len(format) + 100, the buffer made by the first write */
    bool writer = !f.single && tm_writer_begin(I, len + 100);
    bool ok = render(&f, text, len, 2, &b);
    free(text);
    if (ok && f.as_is) {
        buf_fini(&b);
        return f.as_is;
    }
    sim_xdecref(S, f.as_is);
    if (f.single && ok)
        writer = tm_writer_begin(I, len + 100);
    SimId r = ok ? tm_writer_end(I, writer, buf_str(&b), b.len, len + 100) : 0;
    if (!ok && writer)
        tm_writer_end(I, writer, NULL, 0, 0);
    buf_fini(&b);
    return r;
}
