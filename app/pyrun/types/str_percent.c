/*
 * str_percent: printf-style `str % args` as PyUnicode_Format reads it —
 * flags, width and precision, the conversions s r d i u x X o e E f F g G
 * c and %, a tuple of arguments or a lone one, `%(key)s` items of a
 * mapping, `*` widths and precisions from the arguments, and CPython's
 * errors. Widths count code points. `%a` is refused.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pyrun/modules/math_exact.h"
#include "pyrun/types/bigint.h"
#include "pyrun/types/str_int.h"
#include "pyrun/modules/tracemalloc.h"
#include "pyrun/types/types.h"

#define S (I->sim)

typedef struct Spec {
    bool left, plus, space, zero, alt;
    int64_t width, prec; /* -1: none */
    char conv;
} Spec;

/* the arguments as unicode_format_getnextarg walks them */
typedef struct Args {
    SimId args;
    int64_t idx, len; /* a lone argument: len -1, idx -2 until it is taken */
    bool mapping;
    bool single;      /* the format is one %s or %r and nothing else */
    bool simple;      /* then: its str went to the writer as it is (no buffer) */
    SimId as_is;      /* and the str the writer kept, when the model has it (a new reference) */
} Args;

static SimId next_arg(PyRun *I, Args *g)
{
    if (g->idx < g->len) {
        int64_t i = g->idx++;
        return g->len < 0 ? g->args : sim_items(S, g->args)[i];
    }
    py_raise(I, EXC_TypeError, "not enough arguments for format string");
    return 0;
}

/* PyMapping_Check(args) and not a tuple or str */
static bool is_mapping(PyRun *I, SimId args)
{
    SimKind k = sim_kind(S, args);
    if (k == SK_INSTANCE)
        return sim_type_lookup(S, sim_obj(S, args)->type, "__getitem__") != 0;
    return k == SK_DICT || k == SK_LIST || k == SK_BYTES || k == SK_BYTEARRAY || k == SK_RANGE;
}

/* '%(key)': from the '(' at *i to past its ')'; mapping[key], a new reference */
static SimId keyed(PyRun *I, const char *f, size_t n, size_t *i, Args *g)
{
    if (!g->mapping) {
        py_raise(I, EXC_TypeError, "format requires a mapping");
        return 0;
    }
    size_t st = ++*i;
    int depth = 1;
    for (; *i < n && depth; ++*i)
        depth += f[*i] == '(' ? 1 : f[*i] == ')' ? -1 : 0;
    if (depth) {
        py_raise(I, EXC_ValueError, "incomplete format key");
        return 0;
    }
    SimId key = sim_str(S, f + st, *i - 1 - st);
    SimId v = op_getitem(I, g->args, key);
    sim_decref(S, key);
    g->len = -1, g->idx = -1; /* a later positional one finds nothing left */
    return v;
}

static size_t cp_len(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xc0) != 0x80;
    return c;
}

/* pads body (its sign or prefix `head` bytes long) to the width */
static void emit(Buf *out, const Spec *sp, const char *body, size_t n, size_t head, bool number)
{
    size_t len = cp_len(body, n);
    size_t pad = sp->width > (int64_t)len ? (size_t)sp->width - len : 0;
    if (number && sp->zero && !sp->left) {
        buf_add(out, body, head);
        for (size_t k = 0; k < pad; k++)
            buf_addc(out, '0');
        buf_add(out, body + head, n - head);
        return;
    }
    for (size_t k = 0; !sp->left && k < pad; k++)
        buf_addc(out, ' ');
    buf_add(out, body, n);
    for (size_t k = 0; sp->left && k < pad; k++)
        buf_addc(out, ' ');
}

/* unicode_format_arg_output's "simple case": a str no wider than the width
 * and no longer than the precision, without sign flags, goes to the writer
 * as it is; the writer, given nothing before, keeps it (readonly) */
static bool written_as_is(PyRun *I, const Spec *sp, SimId v, Args *g)
{
    if (!g->single || sp->plus || sp->space || (sp->conv != 's' && sim_kind(S, v) != SK_BOOL))
        return false;
    SimId r = str_as_is(I, v);
    if (!r)
        return false;
    size_t n;
    const char *d = sim_str_data(S, r, &n);
    int64_t len = (int64_t)cp_len(d, n);
    if ((sp->width >= 0 && sp->width > len) || (sp->prec >= 0 && sp->prec < len)) {
        sim_decref(S, r);
        return false;
    }
    g->as_is = r;
    return true;
}

static bool text(PyRun *I, const Spec *sp, SimId v, Buf *out, Args *g)
{
    if (written_as_is(I, sp, v, g))
        return true;
    if (sim_kind(S, v) != SK_STR || sp->conv == 'a') /* PyObject_Str / Repr / ASCII: a string of its own */
        tm_note_peak_unsure(I, "a %s or %r format of an object that is not a str");
    Buf t = {0};
    bool ok = sp->conv == 'r' ? op_repr(I, v, &t) : sp->conv == 'a' ? op_ascii(I, v, &t) : op_str(I, v, &t);
    if (ok) {
        size_t n = t.len;
        if (sp->prec >= 0) { /* the first prec code points */
            size_t c = 0, i = 0;
            for (; i < t.len; i++)
                if (((unsigned char)buf_str(&t)[i] & 0xc0) != 0x80 && c++ == (size_t)sp->prec)
                    break;
            n = i;
        }
        size_t len = cp_len(buf_str(&t), t.len);
        g->simple = !sp->plus && !sp->space && (sp->width < 0 || sp->width <= (int64_t)len) &&
                    (sp->prec < 0 || sp->prec >= (int64_t)len);
        emit(out, sp, buf_str(&t), n, 0, false);
    }
    buf_fini(&t);
    return ok;
}

static bool integer(PyRun *I, const Spec *sp, SimId v, Buf *out)
{
    SimKind k = sim_kind(S, v);
    char c = sp->conv;
    bool decimal = c == 'd' || c == 'i' || c == 'u';
    if (k == SK_INSTANCE || (sim_is_subinst(S, v) && k != SK_INT && k != SK_BOOL)) {
        /* mainformatlong: PyNumber_Long (decimal) or _PyNumber_Index */
        SimId r = decimal ? dunder_int(I, v) : dunder_index(I, v);
        if (r && r != S->notimpl) {
            bool ok = integer(I, sp, r, out);
            sim_decref(S, r);
            return ok;
        }
        if (!r && (I->refused || !py_err_matches(I, EXC_TypeError)))
            return false;
        if (!r) /* its TypeError gives way to the format's */
            py_err_clear(I);
    }
    if (k != SK_INT && k != SK_BOOL && !(decimal && k == SK_FLOAT)) {
        if (decimal) /* the number hooks were looked for: sure */
            py_raise_sure(I, EXC_TypeError, "%%%c format: a real number is required, not %s", c, op_typename(I, v));
        else
            py_raise_sure(I, EXC_TypeError, "%%%c format: an integer is required, not %s", c, op_typename(I, v));
        return false;
    }
    if (__builtin_expect(S->pm.trace != NULL, 0)) {
        /* mainformatlong's fast path writes an exact int into the writer
         * (decimal: through a scratch int); the others make strings */
        if (k == SK_INT && sp->width < 0 && sp->prec < 0 && !sp->plus && !sp->space && c != 'X') {
            if (decimal) {
                tm_int_scratch(I, v, true);
                tm_int_scratch(I, v, false);
            }
        } else {
            tm_note_peak_unsure(I, "a %-format of a number with a width, precision, sign or %X, or of a bool or float");
        }
    }
    if (decimal)
        vm_decimal_sigcheck(I, v);
    char digits[96];
    bool neg;
    if (k == SK_FLOAT || (sim_obj(S, v)->sub == 1 && k == SK_INT)) { /* a float: PyNumber_Long first */
        SimId iv = k == SK_FLOAT ? int_from_double(I, sim_obj(S, v)->v.f) : (sim_incref(S, v), v);
        if (!iv)
            return false;
        BigInt b;
        Buf t = {0};
        big_from_sim(S, iv, &b);
        sim_decref(S, iv);
        neg = b.sign < 0;
        if (decimal)
            big_to_dec(&b, &t);
        else
            big_to_pow2_base(&b, c == 'o' ? 3 : 4, c == 'X', &t);
        big_free(&b);
        size_t skip = buf_str(&t)[0] == '-';
        snprintf(digits, sizeof digits, "%s", buf_str(&t) + skip);
        bool fits = t.len < sizeof digits - 1;
        buf_fini(&t);
        if (!fits)
            return py_not_modelled(I, 0, "%%%c of an int of more than 90 digits", c);
    } else {
        if (k == SK_INT && sim_obj(S, v)->sub == SIM_INT_UNSURE)
            return int_unsure_refused(I);
        int64_t x = sim_obj(S, v)->v.i;
        neg = x < 0;
        uint64_t u = neg ? -(uint64_t)x : (uint64_t)x;
        snprintf(digits, sizeof digits, c == 'x' ? "%llx" : c == 'X' ? "%llX" : c == 'o' ? "%llo" : "%llu",
                 (unsigned long long)u);
    }
    char body[200];
    size_t h = 0;
    if (neg)
        body[h++] = '-';
    else if (sp->plus || sp->space)
        body[h++] = sp->plus ? '+' : ' ';
    if (sp->alt && !decimal) {
        body[h++] = '0';
        body[h++] = c == 'o' ? 'o' : c;
    }
    size_t nd = strlen(digits), n = h;
    for (int64_t z = sp->prec - (int64_t)nd; z > 0 && n < 100; z--) /* precision: at least prec digits */
        body[n++] = '0';
    memcpy(body + n, digits, nd);
    emit(out, sp, body, n + nd, h, true);
    return true;
}

static bool real(PyRun *I, const Spec *sp, SimId v, Buf *out)
{
    SimKind k = sim_kind(S, v);
    if (k == SK_INSTANCE || (sim_is_subinst(S, v) && k != SK_FLOAT)) { /* PyFloat_AsDouble: __float__, else __index__ */
        SimId f = dunder_float(I, v);
        if (f == S->notimpl)
            f = dunder_index(I, v);
        if (f != S->notimpl) {
            bool ok = f && real(I, sp, f, out);
            sim_xdecref(S, f);
            return ok;
        }
    }
    if (k != SK_FLOAT && k != SK_INT && k != SK_BOOL) {
        py_raise_sure(I, EXC_TypeError, "must be real number, not %s", op_typename(I, v));
        return false;
    }
    double x = k == SK_FLOAT ? sim_obj(S, v)->v.f : (double)sim_obj(S, v)->v.i;
    if (k == SK_INT && sim_obj(S, v)->sub == 1 && !math_to_double(I, v, &x)) /* correctly rounded */
        return false;
    if (!isfinite(x) && sp->zero)
        return py_not_modelled(I, 0, "zero padding of a float that is not finite");
    if (sp->prec > 300)
        return py_not_modelled(I, 0, "a %%-format precision over 300");
    char fmt[16], body[512];
    snprintf(fmt, sizeof fmt, "%%%s%s%s.*%c", sp->plus ? "+" : "", sp->space ? " " : "", sp->alt ? "#" : "", sp->conv);
    int n = snprintf(body, sizeof body, fmt, (int)(sp->prec < 0 ? 6 : sp->prec), x);
    if (n < 0 || (size_t)n >= sizeof body)
        return py_not_modelled(I, 0, "a %%-formatted float of more than 500 characters");
    emit(out, sp, body, (size_t)n, body[0] == '-' || body[0] == '+' || body[0] == ' ', true);
    return true;
}

static bool character(PyRun *I, const Spec *sp, SimId v, Buf *out)
{
    SimKind k = sim_kind(S, v);
    uint32_t cp;
    if (k == SK_STR && sim_obj(S, v)->cap == 1) {
        size_t n;
        uint32_t *c = str_decode(I, v, &n);
        cp = c[0];
        free(c);
    } else if (k == SK_INT || k == SK_BOOL) {
        int64_t x = sim_obj(S, v)->v.i;
        if (sim_obj(S, v)->sub == 1 || x < 0 || x >= 0x110000) {
            py_raise(I, EXC_OverflowError, "%%c arg not in range(0x110000)");
            return false;
        }
        cp = (uint32_t)x;
    } else {
        py_raise(I, EXC_TypeError, "%%c requires int or char");
        return false;
    }
    SimId s = str_encode(I, &cp, 1, false);
    size_t n;
    const char *d = sim_str_data(S, s, &n);
    emit(out, sp, d, n, 0, false);
    sim_decref(S, s);
    return true;
}

/* a '*' width or precision: the next argument, an int */
static bool star(PyRun *I, Args *g, int64_t *out)
{
    SimId v = next_arg(I, g);
    if (!v)
        return false;
    if ((sim_kind(S, v) != SK_INT && sim_kind(S, v) != SK_BOOL) || sim_obj(S, v)->sub == 1) {
        if (sim_kind(S, v) == SK_INT)
            return py_not_modelled(I, 0, "a '*' width beyond 64 bits");
        py_raise(I, EXC_TypeError, "* wants int");
        return false;
    }
    *out = sim_obj(S, v)->v.i;
    return true;
}

/* the flags, width, precision and conversion after '%' (and a key) */
static bool parse_spec(PyRun *I, const char *f, size_t n, size_t *i, Spec *sp, Args *g)
{
    for (; *i < n; ++*i) {
        char c = f[*i];
        if (c == '-') sp->left = true;
        else if (c == '+') sp->plus = true;
        else if (c == ' ') sp->space = true;
        else if (c == '#') sp->alt = true;
        else if (c == '0') sp->zero = true;
        else break;
    }
    sp->width = -1;
    if (*i < n && f[*i] == '*') { /* a negative one justifies left */
        if (!star(I, g, &sp->width))
            return false;
        if (sp->width < 0)
            sp->left = true, sp->width = -sp->width;
        ++*i;
    }
    for (; *i < n && f[*i] >= '0' && f[*i] <= '9'; ++*i)
        sp->width = (sp->width < 0 ? 0 : sp->width * 10) + (f[*i] - '0');
    sp->prec = -1;
    if (*i < n && f[*i] == '.') {
        ++*i;
        sp->prec = 0;
        if (*i < n && f[*i] == '*') {
            if (!star(I, g, &sp->prec))
                return false;
            sp->prec = sp->prec < 0 ? 0 : sp->prec;
            ++*i;
        }
        for (; *i < n && f[*i] >= '0' && f[*i] <= '9'; ++*i)
            sp->prec = sp->prec * 10 + (f[*i] - '0');
    }
    if (sp->width > 100000 || sp->prec > 100000)
        return py_not_modelled(I, 0, "a %%-format width or precision over 100000");
    while (*i < n && (f[*i] == 'h' || f[*i] == 'l' || f[*i] == 'L'))
        ++*i;
    if (*i >= n) {
        py_raise(I, EXC_ValueError, "incomplete format");
        return false;
    }
    sp->conv = f[*i];
    return true;
}

static bool one(PyRun *I, const char *f, size_t n, size_t *i, Args *g, Buf *out)
{
    SimId key_v = 0;
    if (*i < n && f[*i] == '(' && !(key_v = keyed(I, f, n, i, g)))
        return false;
    Spec sp = {0};
    bool ok = parse_spec(I, f, n, i, &sp, g);
    SimId v = !ok ? 0 : key_v ? key_v : next_arg(I, g); /* "%5%" takes an argument too */
    if (!ok || !v) {
        sim_xdecref(S, key_v);
        return false;
    }
    switch (sp.conv) {
    case '%': buf_addc(out, '%'); break;
    case 's': case 'r': ok = text(I, &sp, v, out, g); break;
    case 'a': ok = text(I, &sp, v, out, g); break;
    case 'd': case 'i': case 'u': case 'x': case 'X': case 'o': ok = integer(I, &sp, v, out); break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': ok = real(I, &sp, v, out); break;
    case 'c': ok = character(I, &sp, v, out); break;
    default:
        if ((unsigned char)sp.conv < 0x80)
            py_raise(I, EXC_ValueError, "unsupported format character '%c' (0x%x) at index %zu", sp.conv,
                     (unsigned)sp.conv, *i);
        else
            py_not_modelled(I, 0, "a non-ASCII %%-format character");
        ok = false;
    }
    sim_xdecref(S, key_v);
    return ok;
}

/* Is the format one %s or %r conversion (a key may name its value) and
 * nothing else? Then the writer may hand the converted str back as it is. */
static bool single_spec(const char *f, size_t n)
{
    if (n < 2 || f[0] != '%' || (f[n - 1] != 's' && f[n - 1] != 'r' && f[n - 1] != 'a'))
        return false;
    size_t i = 1;
    if (f[1] == '(') {
        int depth = 1;
        for (i = 2; i < n && depth; i++)
            depth += f[i] == '(' ? 1 : f[i] == ')' ? -1 : 0;
        if (depth)
            return false;
    }
    for (; i < n - 1; i++) /* flags, width and precision only */
        if (!strchr("-+ #0123456789.", f[i]))
            return false;
    return true;
}

SimId str_percent(PyRun *I, SimId fmt, SimId args)
{
    size_t n;
    const char *d = sim_str_data(S, fmt, &n);
    char *f = malloc(n + 1); /* a __str__ it calls may move the format's storage */
    memcpy(f, d, n);
    bool tuple = sim_kind(S, args) == SK_TUPLE;
    Args g = {args, tuple ? 0 : -2, tuple ? (int64_t)sim_obj(S, args)->len : -1, !tuple && is_mapping(I, args),
              single_spec(f, n), false, 0};
    if (!memchr(f, '%', n) && !sim_is_subinst(S, fmt)) { /* no conversion: the writer keeps the format */
        free(f);
        if (g.idx < g.len && !g.mapping) {
            py_raise(I, EXC_TypeError, "not all arguments converted during string formatting");
            return 0;
        }
        sim_incref(S, fmt);
        return fmt;
    }
    Buf out = {0};
    bool ok = true;
    /* PyUnicode_Format: min_length fmtcnt + 100; a lone %s's str may need no buffer */
    bool writer = !g.single && tm_writer_begin(I, n + 100);
    for (size_t i = 0; ok && i < n; i++) {
        if (f[i] != '%') {
            buf_addc(&out, f[i]);
            continue;
        }
        if (++i < n && f[i] == '%') { /* "%%" */
            buf_addc(&out, '%');
            continue;
        }
        ok = one(I, f, n, &i, &g, &out);
    }
    free(f);
    if (ok && g.idx < g.len && !g.mapping) {
        py_raise(I, EXC_TypeError, "not all arguments converted during string formatting");
        ok = false;
    }
    if (ok && g.as_is) {
        buf_fini(&out);
        return g.as_is;
    }
    sim_xdecref(S, g.as_is);
    SimId r = 0;
    if (g.single && g.simple) /* the converted str, written as it is into an empty writer */
        r = ok ? sim_str(S, buf_str(&out), out.len) : 0;
    else if (g.single && ok) /* padded or cut: into the writer's buffer after all */
        r = tm_writer_end(I, tm_writer_begin(I, n + 100), buf_str(&out), out.len, n + 100);
    else if (ok)
        r = tm_writer_end(I, writer, buf_str(&out), out.len, n + 100);
    else if (writer)
        tm_writer_end(I, writer, NULL, 0, 0);
    buf_fini(&out);
    return r;
}
