/*
 * str_text: a str as code points and back (what the method files share),
 * the case mappings (lower, upper, casefold, swapcase, capitalize, title)
 * and the is* predicates. The model knows the case of ASCII and of the
 * latin-1 letters whose mapping stays one latin-1 character; any other
 * character in a case mapping or a predicate is refused, never guessed.
 */
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "pyrun/types/str_int.h"
#include "pyrun/types/types.h"

#define S (I->sim)

/* ---- code points ------------------------------------------------------------ */

uint32_t *str_decode(PyRun *I, SimId s, size_t *n)
{
    size_t len;
    const unsigned char *d = (const unsigned char *)sim_str_data(S, s, &len);
    uint32_t *cp = malloc((len + 1) * sizeof *cp);
    size_t k = 0;
    for (size_t i = 0; i < len;) {
        unsigned char b = d[i];
        size_t w = b < 0x80 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
        uint32_t c = w == 1 ? b : w == 2 ? b & 0x1fu : w == 3 ? b & 0x0fu : b & 0x07u;
        for (size_t j = 1; j < w && i + j < len; j++)
            c = c << 6 | (d[i + j] & 0x3fu);
        cp[k++] = c;
        i += w;
    }
    *n = k;
    return cp;
}

static void put_utf8(Buf *b, uint32_t c)
{
    char u[4];
    buf_add(b, u, utf8_encode(c, u));
}

SimId str_encode(PyRun *I, const uint32_t *cp, size_t n, bool fresh)
{
    Buf b = {0};
    for (size_t i = 0; i < n; i++)
        put_utf8(&b, cp[i]);
    SimId r = fresh ? sim_str_fresh(S, buf_str(&b), b.len) : sim_str(S, buf_str(&b), b.len);
    buf_fini(&b);
    return r;
}

SimId str_same(PyRun *I, SimId s)
{
    sim_incref(S, s);
    return s;
}

SimId str_arg(PyRun *I, SimId *a, int n, SimId kw, int pos, const char *name)
{
    int np = bi_npos(I, n, kw) - 1;
    if (pos < np)
        return a[1 + pos];
    return name ? bi_kwarg(I, a, n, kw, name) : 0;
}

bool str_want(PyRun *I, SimId v, const char *what)
{
    if (sim_kind(S, v) == SK_STR)
        return true;
    py_raise(I, EXC_TypeError, "%s%smust be str, not %s", what ? what : "", what ? " " : "", op_typename(I, v));
    return false;
}

bool str_slice_index(PyRun *I, SimId v, int64_t dflt, int64_t *out)
{
    if (!v || sim_kind(S, v) == SK_NONE) {
        *out = dflt;
        return true;
    }
    SimKind k = sim_kind(S, v);
    if (k != SK_INT && k != SK_BOOL) {
        py_raise(I, EXC_TypeError, "slice indices must be integers or None or have an __index__ method");
        return false;
    }
    if (sim_obj(S, v)->sub == 1) /* a big int: _PyEval_SliceIndex clamps it */
        return py_not_modelled(I, 0, "a str method's start or end beyond 64 bits");
    *out = sim_obj(S, v)->v.i;
    return true;
}

bool str_cp_space(uint32_t c)
{
    return c == ' ' || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f) || c == 0x85 || c == 0xa0 ||
           c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 || c == 0x202f ||
           c == 0x205f || c == 0x3000;
}

/* ---- case ------------------------------------------------------------------- */

/* The model maps the case of latin-1; the feminine and masculine ordinals
 * (lowercase letters without an uppercase) and everything past latin-1
 * are refused. */
static bool case_known(uint32_t c)
{
    return c < 0x100 && c != 0xaa && c != 0xba;
}

/* The three latin-1 lowercase letters whose uppercase leaves latin-1 (or
 * takes two characters): sharp s (SS; titlecase Ss), micro sign (Greek
 * capital mu), y with diaeresis (U+0178). Writes the mapping, returns its
 * length, or 0 when c is not one of them. */
static int special_upper(uint32_t c, bool title, uint32_t out[2])
{
    if (c == 0xdf) {
        out[0] = 'S', out[1] = title ? 's' : 'S';
        return 2;
    }
    if (c == 0xb5 || c == 0xff) {
        out[0] = c == 0xb5 ? 0x39c : 0x178;
        return 1;
    }
    return 0;
}

static bool is_up(uint32_t c) { return (c >= 'A' && c <= 'Z') || (c >= 0xc0 && c <= 0xde && c != 0xd7); }
static bool is_low(uint32_t c) { return (c >= 'a' && c <= 'z') || (c >= 0xe0 && c <= 0xfe && c != 0xf7); }
static uint32_t to_low(uint32_t c) { return is_up(c) ? c + 32 : c; }
static uint32_t to_up(uint32_t c) { return is_low(c) ? c - 32 : c; }

enum { CASE_LOWER, CASE_UPPER, CASE_SWAP, CASE_CAPITALIZE, CASE_TITLE, CASE_FOLD };

static const char *const case_names[] = {"lower", "upper", "swapcase", "capitalize", "title"};

/* case_operation / ascii_upper_or_lower: always a new str (PyUnicode_New) */
static SimId case_map(PyRun *I, SimId self, int how, const char *name)
{
    size_t n;
    uint32_t *cp = str_decode(I, self, &n);
    for (size_t i = 0; i < n; i++)
        if (!case_known(cp[i])) {
            unsigned c = cp[i];
            free(cp);
            return py_not_modelled(I, 0, "str.%s() of the character U+%04X", name, c), (SimId)0;
        }
    bool prev_cased = false;
    uint32_t *out = malloc((2 * n + 1) * sizeof *out);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t c = cp[i], sp[2];
        bool up;
        switch (how) {
        case CASE_LOWER: case CASE_FOLD: up = false; break;
        case CASE_UPPER: up = true; break;
        case CASE_SWAP: up = !is_up(c); break;
        case CASE_CAPITALIZE: up = i == 0; break;
        default: /* title: upper after an uncased character, else lower */
            up = !prev_cased;
            prev_cased = is_up(c) || is_low(c) || c == 0xb5 || c == 0xdf || c == 0xff;
        }
        int m = up ? special_upper(c, how == CASE_TITLE || how == CASE_CAPITALIZE, sp) : 0;
        if (m) {
            for (int j = 0; j < m; j++)
                out[k++] = sp[j];
        } else if (!up && how == CASE_FOLD && (c == 0xdf || c == 0xb5)) { /* casefold: ss, Greek small mu */
            if (c == 0xdf)
                out[k++] = 's', out[k++] = 's';
            else
                out[k++] = 0x3bc;
        } else {
            out[k++] = up ? to_up(c) : to_low(c);
        }
    }
    SimId r = str_encode(I, out, k, true);
    free(out);
    free(cp);
    return r;
}

SimId str_lower(PyRun *I, SimId *a, int n, SimId kw) { (void)n, (void)kw; return case_map(I, a[0], CASE_LOWER, case_names[0]); }
SimId str_upper(PyRun *I, SimId *a, int n, SimId kw) { (void)n, (void)kw; return case_map(I, a[0], CASE_UPPER, case_names[1]); }
SimId str_casefold(PyRun *I, SimId *a, int n, SimId kw) { (void)n, (void)kw; return case_map(I, a[0], CASE_FOLD, "casefold"); }
SimId str_swapcase(PyRun *I, SimId *a, int n, SimId kw) { (void)n, (void)kw; return case_map(I, a[0], CASE_SWAP, case_names[2]); }
SimId str_capitalize(PyRun *I, SimId *a, int n, SimId kw) { (void)n, (void)kw; return case_map(I, a[0], CASE_CAPITALIZE, case_names[3]); }
SimId str_title(PyRun *I, SimId *a, int n, SimId kw) { (void)n, (void)kw; return case_map(I, a[0], CASE_TITLE, case_names[4]); }

/* ---- predicates --------------------------------------------------------------- */

enum { IS_DIGIT, IS_ALPHA, IS_ALNUM, IS_SPACE, IS_UPPER, IS_LOWER, IS_TITLE, IS_IDENT, IS_PRINT };

static bool ascii_alpha(uint32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static bool ascii_digit(uint32_t c) { return c >= '0' && c <= '9'; }

/* one character's answer for the per-character predicates */
static bool each(int what, uint32_t c, size_t i)
{
    switch (what) {
    case IS_DIGIT: return ascii_digit(c);
    case IS_ALPHA: return ascii_alpha(c);
    case IS_ALNUM: return ascii_alpha(c) || ascii_digit(c);
    case IS_SPACE: return str_cp_space(c);
    case IS_IDENT: return c == '_' || ascii_alpha(c) || (i > 0 && ascii_digit(c));
    default: return c >= 0x20 && c < 0x7f; /* IS_PRINT */
    }
}

static SimId predicate(PyRun *I, SimId self, int what, const char *name)
{
    size_t n;
    uint32_t *cp = str_decode(I, self, &n);
    for (size_t i = 0; i < n; i++)
        if (cp[i] >= 0x80) {
            unsigned c = cp[i];
            free(cp);
            return py_not_modelled(I, 0, "str.%s() of the non-ASCII character U+%04X", name, c), (SimId)0;
        }
    bool r = n > 0 || what == IS_PRINT;
    if (what == IS_UPPER || what == IS_LOWER || what == IS_TITLE) {
        bool cased = false, prev_cased = false;
        for (size_t i = 0; i < n && r; i++) {
            bool up = cp[i] >= 'A' && cp[i] <= 'Z', low = cp[i] >= 'a' && cp[i] <= 'z';
            if (what == IS_UPPER)
                r = !low;
            else if (what == IS_LOWER)
                r = !up;
            else /* title: upper only after uncased, lower only after cased */
                r = !(up && prev_cased) && !(low && !prev_cased);
            cased |= up || low;
            prev_cased = up || low;
        }
        r = r && cased;
    } else {
        for (size_t i = 0; i < n && r; i++)
            r = each(what, cp[i], i);
    }
    free(cp);
    return sim_bool(S, r);
}

SimId str_isdigit(PyRun *I, SimId *a, int n, SimId kw) { (void)n, (void)kw; return predicate(I, a[0], IS_DIGIT, "isdigit"); }
SimId str_isdecimal(PyRun *I, SimId *a, int n, SimId kw) { (void)n, (void)kw; return predicate(I, a[0], IS_DIGIT, "isdecimal"); }
SimId str_isnumeric(PyRun *I, SimId *a, int n, SimId kw) { (void)n, (void)kw; return predicate(I, a[0], IS_DIGIT, "isnumeric"); }
SimId str_isalpha(PyRun *I, SimId *a, int n, SimId kw) { (void)n, (void)kw; return predicate(I, a[0], IS_ALPHA, "isalpha"); }
SimId str_isalnum(PyRun *I, SimId *a, int n, SimId kw) { (void)n, (void)kw; return predicate(I, a[0], IS_ALNUM, "isalnum"); }
SimId str_isspace(PyRun *I, SimId *a, int n, SimId kw) { (void)n, (void)kw; return predicate(I, a[0], IS_SPACE, "isspace"); }
SimId str_isupper(PyRun *I, SimId *a, int n, SimId kw) { (void)n, (void)kw; return predicate(I, a[0], IS_UPPER, "isupper"); }
SimId str_islower(PyRun *I, SimId *a, int n, SimId kw) { (void)n, (void)kw; return predicate(I, a[0], IS_LOWER, "islower"); }
SimId str_istitle(PyRun *I, SimId *a, int n, SimId kw) { (void)n, (void)kw; return predicate(I, a[0], IS_TITLE, "istitle"); }
SimId str_isidentifier(PyRun *I, SimId *a, int n, SimId kw) { (void)n, (void)kw; return predicate(I, a[0], IS_IDENT, "isidentifier"); }
SimId str_isprintable(PyRun *I, SimId *a, int n, SimId kw) { (void)n, (void)kw; return predicate(I, a[0], IS_PRINT, "isprintable"); }

SimId str_isascii(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return sim_bool(S, sim_obj(S, a[0])->sub == 1);
}
