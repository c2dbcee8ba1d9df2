/*
 * format_spec: the format-spec mini-language of int, bool, float and str
 * (format(), f"{x:spec}", str.format) as Python/formatter_unicode.c reads
 * and lays it out: [[fill]align][sign][z][#][0][width][,|_][.precision]
 * [type], padding by code points, grouping (into zero padding too), the
 * 0b/0o/0x prefixes, float presentation by repr or printf, and CPython's
 * ValueError for every spec a type rejects. Other built-in objects take
 * only the empty spec (object.__format__). The locale is C's ('n' is 'd'
 * or 'g').
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pyrun/modules/math_exact.h"
#include "pyrun/types/bigint.h"
#include "pyrun/types/str_int.h"
#include "pyrun/types/types.h"

#define S (I->sim)

typedef struct FSpec {
    uint32_t fill;
    char align, sign, group, type;
    bool alt, no_neg_0;
    int64_t width, prec; /* -1: not given */
} FSpec;

static bool is_align(char c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

/* get_integer: 1 when digits were read, 0 when none, -1 past PY_SSIZE_T_MAX
 * (ValueError raised) */
static int digits(PyRun *I, const char *s, size_t n, size_t *i, int64_t *out)
{
    size_t st = *i;
    for (*out = 0; *i < n && s[*i] >= '0' && s[*i] <= '9'; ++*i)
        if (__builtin_mul_overflow(*out, 10, out) || __builtin_add_overflow(*out, s[*i] - '0', out)) {
            py_raise(I, EXC_ValueError, "Too many decimal digits in format string");
            return -1;
        }
    return *i > st;
}

static bool bad_sep(PyRun *I, char sep, char type)
{
    py_raise(I, EXC_ValueError, "Cannot specify '%c' with '%c'.", sep, type);
    return false;
}

/* parse_internal_render_format_spec; the spec is UTF-8 (a fill may be any character) */
static bool parse(PyRun *I, const char *s, size_t n, const char *tname, char default_type, char default_align,
                  FSpec *f)
{
    *f = (FSpec){.fill = ' ', .align = default_align, .width = -1, .prec = -1, .type = default_type};
    size_t i = 0, w = n && ((unsigned char)s[0] & 0x80) ? ((unsigned char)s[0] >= 0xf0 ? 4 : (unsigned char)s[0] >= 0xe0 ? 3 : 2) : 1;
    bool fill_given = false, align_given = false;
    if (n > w && is_align(s[w])) { /* a fill, then the alignment */
        SimId c = sim_str(S, s, w);
        size_t k;
        uint32_t *cp = str_decode(I, c, &k);
        f->fill = cp[0];
        free(cp);
        sim_decref(S, c);
        f->align = s[w];
        i = w + 1;
        fill_given = align_given = true;
    } else if (n && is_align(s[0])) {
        f->align = s[0];
        i = 1;
        align_given = true;
    }
    if (i < n && (s[i] == '+' || s[i] == '-' || s[i] == ' '))
        f->sign = s[i++];
    if (i < n && s[i] == 'z')
        f->no_neg_0 = true, i++;
    if (i < n && s[i] == '#')
        f->alt = true, i++;
    if (!fill_given && i < n && s[i] == '0') {
        f->fill = '0';
        if (!align_given && default_align == '>')
            f->align = '=';
        i++;
    }
    int64_t v;
    int got = digits(I, s, n, &i, &v);
    if (got < 0)
        return false;
    if (got)
        f->width = v;
    if (i < n && s[i] == ',')
        f->group = ',', i++;
    if (i < n && s[i] == '_') {
        if (f->group) {
            py_raise(I, EXC_ValueError, "Cannot specify both ',' and '_'.");
            return false;
        }
        f->group = '_', i++;
    }
    if (i < n && s[i] == ',' && f->group == '_') {
        py_raise(I, EXC_ValueError, "Cannot specify both ',' and '_'.");
        return false;
    }
    if (i < n && s[i] == '.') {
        i++;
        got = digits(I, s, n, &i, &f->prec);
        if (got < 0)
            return false;
        if (!got) {
            py_raise(I, EXC_ValueError, "Format specifier missing precision");
            return false;
        }
    }
    if (n - i > 1) {
        py_raise(I, EXC_ValueError, "Invalid format specifier '%.*s' for object of type '%s'", (int)n, s, tname);
        return false;
    }
    if (i < n)
        f->type = s[i];
    if (f->group) {
        switch (f->type) {
        case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0: break;
        case 'b': case 'o': case 'x': case 'X':
            if (f->group == '_')
                break;
            return bad_sep(I, f->group, f->type);
        default: return bad_sep(I, f->group, f->type);
        }
    }
    return true;
}

static bool unknown_code(PyRun *I, char type, const char *tname)
{
    if ((unsigned char)type > 32 && (unsigned char)type < 128)
        py_raise(I, EXC_ValueError, "Unknown format code '%c' for object of type '%s'", type, tname);
    else
        py_raise(I, EXC_ValueError, "Unknown format code '\\x%x' for object of type '%s'", (unsigned)(unsigned char)type, tname);
    return false;
}

static size_t cps(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xc0) != 0x80;
    return c;
}

static void put_fill(PyRun *I, Buf *out, uint32_t fill, int64_t k)
{
    if (k <= 0)
        return;
    SimId c = str_encode(I, &fill, 1, false);
    size_t n;
    const char *d = sim_str_data(S, c, &n);
    for (int64_t j = 0; j < k; j++)
        buf_add(out, d, n);
    sim_decref(S, c);
}

/* body (head: its sign and prefix, counted in body) aligned in the width */
static bool lay_out(PyRun *I, const FSpec *f, const char *body, size_t n, size_t head, Buf *out)
{
    int64_t len = (int64_t)cps(body, n), pad = f->width > len ? f->width - len : 0;
    if (pad && !py_mem_room(I, f->width > ((int64_t)1 << 40) ? UINT64_MAX : (uint64_t)f->width * 4 + out->len))
        return false; /* MemoryError before the host buffer grows */
    int64_t left = f->align == '>' || f->align == '=' ? pad : f->align == '^' ? pad / 2 : 0;
    if (f->align == '=') {
        buf_add(out, body, head);
        put_fill(I, out, f->fill, pad);
        buf_add(out, body + head, n - head);
        return true;
    }
    put_fill(I, out, f->fill, left);
    buf_add(out, body, n);
    put_fill(I, out, f->fill, pad - left);
    return true;
}

/* the digits with a separator every `every` from the right; with zero
 * fill under '=' the zeros are grouped too, up to min_width characters */
static void grouped(Buf *out, const char *d, size_t nd, char sep, int every, int64_t min_width)
{
    size_t total = nd;
    for (;;) { /* how many digits (leading zeros added) reach min_width */
        size_t with = total + (total - 1) / (size_t)every;
        if ((int64_t)with >= min_width)
            break;
        total++;
    }
    for (size_t k = 0; k < total; k++) {
        if (k && (total - k) % (size_t)every == 0)
            buf_addc(out, sep);
        buf_addc(out, k < total - nd ? '0' : d[k - (total - nd)]);
    }
}

/* sign, prefix, grouped integer digits, the rest (fraction, exponent, %) */
static bool number(PyRun *I, const FSpec *f, bool neg, const char *prefix, const char *intd, size_t ni,
                   const char *rest, Buf *out)
{
    Buf b = {0};
    if (neg)
        buf_addc(&b, '-');
    else if (f->sign == '+' || f->sign == ' ')
        buf_addc(&b, f->sign);
    buf_adds(&b, prefix);
    size_t head = b.len;
    int every = f->group == '_' && f->type && strchr("boxX", f->type) ? 4 : 3;
    bool zero_grouping = f->group && f->align == '=' && f->fill == '0';
    int64_t min = zero_grouping ? f->width - (int64_t)head - (int64_t)strlen(rest) : 0;
    if (f->group)
        grouped(&b, intd, ni, f->group, every, min);
    else
        buf_add(&b, intd, ni);
    buf_adds(&b, rest);
    bool ok = lay_out(I, f, buf_str(&b), b.len, head, out);
    buf_fini(&b);
    return ok;
}

static bool format_int(PyRun *I, SimId v, const FSpec *f, const char *tname, Buf *out, FormatScratch *fs);

/* format_float_internal's scratch: PyOS_double_to_string's buffer holds
 * 3 bytes (sign, point, NUL) and the digits, 5 more with an exponent; the
 * fast path writes it straight into the result, the other one first copies
 * it into a str of its own (its length: the buffer's text).  Repr-style
 * text, inf and nan, and 'n' are not followed. */
static void float_scratch(const FSpec *f, const char *text, size_t n, bool neg, FormatScratch *fs)
{
    if (!fs)
        return;
    if ((!f->type && f->prec < 0) || f->type == 'n' || !strpbrk(text, "0123456789")) {
        fs->how = FS_UNKNOWN;
        return;
    }
    const char *e = strpbrk(text, "eE");
    size_t digits = 0;
    for (const char *p = text; *p && p != e; p++)
        digits += *p >= '0' && *p <= '9';
    fs->buf = 3 + digits + (e ? 5 : 0);
    fs->tmp = n + neg;
    bool fast = f->sign != '+' && f->sign != ' ' && f->width < 0 && !f->group;
    fs->how = fast ? FS_FLOAT_FAST : FS_FLOAT_SLOW;
}

static bool format_float(PyRun *I, double x, FSpec f, const char *tname, Buf *out, FormatScratch *fs)
{
    char type = f.type;
    if (!strchr("eEfFgGn%", type ? type : 'e'))
        return unknown_code(I, type, tname);
    if (f.prec > 300)
        return py_not_modelled(I, 0, "a float format precision over 300");
    Buf t = {0};
    bool neg = signbit(x) && !isnan(x);
    double a = fabs(x);
    if (!type && f.prec < 0) { /* repr; '#' keeps a decimal point */
        float_repr(a, &t);
        const char *e = strchr(buf_str(&t), 'e');
        if (f.alt && isfinite(a) && !strchr(buf_str(&t), '.')) {
            Buf u = {0};
            size_t at = e ? (size_t)(e - buf_str(&t)) : t.len;
            buf_add(&u, buf_str(&t), at);
            buf_addc(&u, '.');
            buf_adds(&u, buf_str(&t) + at);
            buf_fini(&t);
            t = u;
        }
    } else {
        char fmtc = type == 'n' ? 'g' : type == '%' ? 'f' : type ? type : 'g';
        int prec = f.prec < 0 ? 6 : f.prec;
        if (!type && isfinite(a)) { /* 'g' whose exponent starts one place sooner (format_float_short) */
            int p = prec ? prec : 1;
            char probe[64];
            snprintf(probe, sizeof probe, "%.*e", p - 1, a);
            int ex = atoi(strchr(probe, 'e') + 1);
            if (ex < -4 || ex >= p - 1) {
                fmtc = 'e';
                prec = p - 1;
            }
        }
        char fmt[12];
        snprintf(fmt, sizeof fmt, "%%%s.*%c", f.alt ? "#" : "", fmtc);
        buf_printf(&t, fmt, prec, type == '%' ? a * 100 : a);
        if (!type && fmtc == 'e' && !f.alt && strchr(buf_str(&t), '.')) { /* 'g' drops trailing zeros */
            Buf u = {0};
            const char *d = buf_str(&t), *e = strchr(d, 'e');
            size_t m = (size_t)(e - d);
            while (m > 0 && d[m - 1] == '0')
                m--;
            if (m > 0 && d[m - 1] == '.')
                m--;
            buf_add(&u, d, m);
            buf_adds(&u, e);
            buf_fini(&t);
            t = u;
        }
        if (!type && isfinite(a) && !strpbrk(buf_str(&t), ".e")) /* Py_DTSF_ADD_DOT_0 */
            buf_adds(&t, ".0");
        if (type == '%')
            buf_addc(&t, '%');
    }
    const char *d = buf_str(&t);
    if (f.no_neg_0 && neg && !strpbrk(d, "123456789")) /* 'z': a negative zero after rounding loses its sign */
        neg = false;
    if (isfinite(a))
        float_scratch(&f, d, t.len, neg, fs);
    else if (fs)
        fs->how = FS_UNKNOWN;
    size_t ni = strspn(d, "0123456789");
    if (!isfinite(a)) { /* no digits to group: plain padding */
        ni = 0;
        f.group = 0;
    }
    bool ok = ni ? number(I, &f, neg, "", d, ni, d + ni, out) : number(I, &f, neg, "", "", 0, d, out);
    buf_fini(&t);
    return ok;
}

static bool format_int(PyRun *I, SimId v, const FSpec *fp, const char *tname, Buf *out, FormatScratch *fs)
{
    FSpec f = *fp;
    char type = f.type ? f.type : 'd';
    if (sim_kind(S, v) == SK_INT && sim_obj(S, v)->sub == SIM_INT_UNSURE)
        return int_unsure_refused(I);
    if (strchr("eEfFgG%", type)) {
        double x; /* PyNumber_Float: correctly rounded, OverflowError past the doubles */
        SimId h = sim_is_subinst(S, v) ? dunder_float_slot(I, v) : S->notimpl; /* a subclass's __float__ */
        if (h != S->notimpl) {
            bool ok = h && format_float(I, sim_obj(S, h)->v.f, f, tname, out, fs);
            sim_xdecref(S, h);
            return ok;
        }
        if (sim_obj(S, v)->sub == 1 && sim_kind(S, v) == SK_INT)
            return math_to_double(I, v, &x) && format_float(I, x, f, tname, out, fs);
        return format_float(I, (double)sim_obj(S, v)->v.i, f, tname, out, fs);
    }
    if (!strchr("bcdoxXn", type))
        return unknown_code(I, type, tname);
    if (f.prec >= 0) {
        py_raise(I, EXC_ValueError, "Precision not allowed in integer format specifier");
        return false;
    }
    if (f.no_neg_0) {
        py_raise(I, EXC_ValueError, "Negative zero coercion (z) not allowed in integer format specifier");
        return false;
    }
    bool big = sim_kind(S, v) == SK_INT && sim_obj(S, v)->sub == 1;
    int64_t x = big ? 0 : sim_obj(S, v)->v.i;
    if (fs) { /* format_long_internal: decimal digits straight into the result, or first into a str;
               * a power-of-two base straight into it (measured: 3.11.7, 3.12.1, 3.13.0) */
        bool plain = f.width < 0 && f.sign != '+' && f.sign != ' ' && !f.group;
        if (sim_kind(S, v) != SK_INT || !strchr("dxob", type) || (!plain && type != 'd'))
            fs->how = FS_UNKNOWN;
        else
            fs->how = type != 'd' ? FS_INT_POW2 : plain && !f.alt ? FS_INT_FAST : FS_INT_SLOW;
    }
    if (type == 'd' || type == 'n')
        vm_decimal_sigcheck(I, v);
    if (type == 'c') {
        if (f.sign) {
            py_raise(I, EXC_ValueError, "Sign not allowed with integer format specifier 'c'");
            return false;
        }
        if (f.alt) {
            py_raise(I, EXC_ValueError, "Alternate form (#) not allowed with integer format specifier 'c'");
            return false;
        }
        if (big) {
            py_raise(I, EXC_OverflowError, "Python int too large to convert to C long");
            return false;
        }
        if (x < 0 || x >= 0x110000) {
            py_raise(I, EXC_OverflowError, "%%c arg not in range(0x110000)");
            return false;
        }
        uint32_t c = (uint32_t)x;
        SimId s = str_encode(I, &c, 1, false);
        size_t n;
        const char *d = sim_str_data(S, s, &n);
        bool ok = lay_out(I, &f, d, n, 0, out);
        sim_decref(S, s);
        return ok;
    }
    char buf[80];
    bool neg;
    const char *prefix = !f.alt ? "" : type == 'b' ? "0b" : type == 'o' ? "0o" : type == 'x' ? "0x" : type == 'X' ? "0X" : "";
    if (big) {
        BigInt b;
        Buf t = {0};
        big_from_sim(S, v, &b);
        neg = b.sign < 0;
        if (type == 'd' || type == 'n')
            big_to_dec(&b, &t);
        else
            big_to_pow2_base(&b, type == 'b' ? 1 : type == 'o' ? 3 : 4, type == 'X', &t);
        big_free(&b);
        if ((type == 'd' || type == 'n') && !int_dec_limit_ok(I, v, &t))
            return buf_fini(&t), false;
        size_t skip = buf_str(&t)[0] == '-';
        if (fs)
            fs->tmp = t.len;
        bool ok = number(I, &f, neg, prefix, buf_str(&t) + skip, t.len - skip, "", out);
        buf_fini(&t);
        return ok;
    }
    neg = x < 0;
    uint64_t u = neg ? -(uint64_t)x : (uint64_t)x;
    if (type == 'b') {
        int k = 0;
        char rev[70];
        do
            rev[k++] = (char)('0' + (u & 1));
        while (u >>= 1);
        for (int j = 0; j < k; j++)
            buf[j] = rev[k - 1 - j];
        buf[k] = 0;
    } else {
        snprintf(buf, sizeof buf, type == 'o' ? "%llo" : type == 'x' ? "%llx" : type == 'X' ? "%llX" : "%llu",
                 (unsigned long long)u);
    }
    if (fs)
        fs->tmp = strlen(buf) + neg;
    return number(I, &f, neg, prefix, buf, strlen(buf), "", out);
}

static bool format_str(PyRun *I, SimId v, const FSpec *f, Buf *out)
{
    if (f->type && f->type != 's')
        return unknown_code(I, f->type, "str");
    const char *why = f->no_neg_0 ? "Negative zero coercion (z) not allowed in string format specifier"
                      : f->sign == ' ' ? "Space not allowed in string format specifier"
                      : f->sign ? "Sign not allowed in string format specifier"
                      : f->alt ? "Alternate form (#) not allowed in string format specifier"
                      : f->align == '=' ? "'=' alignment not allowed in string format specifier" : NULL;
    if (why) {
        py_raise(I, EXC_ValueError, "%s", why);
        return false;
    }
    size_t n;
    const char *d = sim_str_data(S, v, &n);
    if (f->prec >= 0) { /* the first prec code points */
        size_t c = 0, i = 0;
        for (; i < n; i++)
            if (((unsigned char)d[i] & 0xc0) != 0x80 && c++ == (size_t)f->prec)
                break;
        n = i;
    }
    char *copy = malloc(n + 1); /* the padding may move the str's storage */
    memcpy(copy, d, n);
    bool ok = lay_out(I, f, copy, n, 0, out);
    free(copy);
    return ok;
}

bool format_builtin(PyRun *I, SimId v, const char *spec, Buf *out) { return format_builtin_scratch(I, v, spec, out, NULL); }

bool format_builtin_scratch(PyRun *I, SimId v, const char *spec, Buf *out, FormatScratch *fs)
{
    SimKind k = sim_kind(S, v);
    size_t n = strlen(spec);
    const char *tname = op_typename(I, v);
    if (k == SK_COMPLEX && n) /* complex.__format__ has its own mini-language */
        return py_not_modelled(I, 0, "a format spec of a complex number");
    if (k != SK_INT && k != SK_BOOL && k != SK_FLOAT && k != SK_STR) {
        if (n) {
            py_raise(I, EXC_TypeError, "unsupported format string passed to %s.__format__", tname);
            return false;
        }
        return op_str(I, v, out);
    }
    if (n == 0) /* format(x, '') is str(x) */
        return op_str(I, v, out);
    FSpec f;
    if (!parse(I, spec, n, tname, k == SK_STR ? 's' : k == SK_FLOAT ? 0 : 'd', k == SK_STR ? '<' : '>', &f))
        return false;
    if (k == SK_STR)
        return format_str(I, v, &f, out);
    if (k == SK_FLOAT)
        return format_float(I, sim_obj(S, v)->v.f, f, tname, out, fs);
    return format_int(I, v, &f, tname, out, fs);
}
