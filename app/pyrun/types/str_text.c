/*
 * str_text: a str as code points and back (what the method files share),
 * the case mappings (lower, upper, casefold, swapcase, capitalize, title)
 * and the is* predicates, with each profile's Unicode database
 * (unicode_db.h) as CPython's unicodeobject.c uses it.
 */
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "pyrun/types/str_int.h"
#include "pyrun/types/types.h"
#include "pyrun/types/unicode_db.h"

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
    if (sim_obj(S, v)->sub == 1) { /* a big int: _PyEval_SliceIndex clamps it */
        *out = sim_obj(S, v)->v.i < 0 ? -INT64_MAX : INT64_MAX;
        return true;
    }
    *out = sim_obj(S, v)->v.i;
    return true;
}

bool str_cp_space(uint32_t c)
{
    return c == ' ' || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f) || c == 0x85 || c == 0xa0 ||
           c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 || c == 0x202f ||
           c == 0x205f || c == 0x3000;
}

/* ---- character properties ------------------------------------------------- */

/* The profile's Unicode database (unicode_db.h): 3.11's 14.0, 3.12's 15.0, 3.13's 15.1 */
static int ucd(PyRun *I) { return S->prof->version == SIM_V311 ? 0 : S->prof->version == SIM_V312 ? 1 : 2; }

static uint16_t ascii_flags(uint32_t c)
{
    if (c >= 'A' && c <= 'Z')
        return UC_ALPHA | UC_UPPER | UC_CASED | UC_XID_START | UC_XID_CONTINUE;
    if (c >= 'a' && c <= 'z')
        return UC_ALPHA | UC_LOWER | UC_CASED | UC_XID_START | UC_XID_CONTINUE;
    if (c >= '0' && c <= '9')
        return UC_DECIMAL | UC_DIGIT | UC_NUMERIC | UC_XID_CONTINUE;
    if (c == '_')
        return UC_XID_START | UC_XID_CONTINUE;
    if (c == '\'' || c == '.' || c == ':' || c == '^' || c == '`')
        return UC_IGNORABLE; /* Word_Break MidLetter, MidNumLet, Single_Quote; Sk */
    return str_cp_space(c) ? UC_SPACE : 0;
}

static uint16_t flags_of(PyRun *I, uint32_t c) { return c < 0x80 ? ascii_flags(c) : uc_lookup(ucd(I), c)->flags; }

char *str_ascii_number(PyRun *I, SimId s, size_t *n)
{
    size_t len;
    uint32_t *cp = str_decode(I, s, &len);
    char *out = malloc(len + 1);
    for (size_t i = 0; i < len; i++) {
        uint32_t c = cp[i];
        uint16_t fl = c < 0x80 ? 0 : flags_of(I, c);
        if (c < 0x80) {
            out[i] = (char)c;
        } else if (fl & UC_SPACE) {
            out[i] = ' ';
        } else if (fl & UC_DECIMAL) { /* digits come in runs of ten, 0 to 9 */
            uint32_t zero = c;
            while (zero > 0x80 && (flags_of(I, zero - 1) & UC_DECIMAL))
                zero--;
            out[i] = (char)('0' + (c - zero) % 10);
        } else {
            out[i] = '?';
        }
    }
    out[len] = '\0';
    *n = len;
    free(cp);
    return out;
}

static int map_of(PyRun *I, uint32_t c, int which, uint32_t out[3])
{
    if (c >= 0x80)
        return uc_map(ucd(I), c, which, out);
    bool up = c >= 'A' && c <= 'Z', low = c >= 'a' && c <= 'z';
    out[0] = (which == UC_TO_LOWER || which == UC_TO_FOLD) && up ? c + 32
             : (which == UC_TO_UPPER || which == UC_TO_TITLE) && low ? c - 32 : c;
    return 1;
}

/* ---- case ------------------------------------------------------------------- */

enum { CASE_LOWER, CASE_UPPER, CASE_SWAP, CASE_CAPITALIZE, CASE_TITLE, CASE_FOLD };

/* handle_capital_sigma: final (U+03C2) when a cased character comes before
 * it and none after, case-ignorable ones skipped both ways */
static uint32_t capital_sigma(PyRun *I, const uint32_t *cp, size_t n, size_t i)
{
    size_t j = i;
    while (j > 0 && (flags_of(I, cp[j - 1]) & UC_IGNORABLE))
        j--;
    bool before = j > 0 && (flags_of(I, cp[j - 1]) & UC_CASED);
    j = i + 1;
    while (j < n && (flags_of(I, cp[j]) & UC_IGNORABLE))
        j++;
    bool after = j < n && (flags_of(I, cp[j]) & UC_CASED);
    return before && !after ? 0x3c2 : 0x3c3;
}

/* lower_ucs4: the full lower mapping, the capital sigma by its place */
static int lower_at(PyRun *I, const uint32_t *cp, size_t n, size_t i, uint32_t out[3])
{
    if (cp[i] == 0x3a3) {
        out[0] = capital_sigma(I, cp, n, i);
        return 1;
    }
    return map_of(I, cp[i], UC_TO_LOWER, out);
}

/* do_lower ... do_title: always a new str (PyUnicode_New) */
static SimId case_map(PyRun *I, SimId self, int how)
{
    size_t n;
    uint32_t *cp = str_decode(I, self, &n);
    uint32_t *out = malloc((3 * n + 1) * sizeof *out);
    size_t k = 0;
    bool prev_cased = false;
    for (size_t i = 0; i < n; i++) {
        uint32_t c = cp[i], m[3];
        uint16_t f = flags_of(I, c);
        int len;
        switch (how) {
        case CASE_LOWER: len = lower_at(I, cp, n, i, m); break;
        case CASE_UPPER: len = map_of(I, c, UC_TO_UPPER, m); break;
        case CASE_FOLD: len = map_of(I, c, UC_TO_FOLD, m); break;
        case CASE_SWAP:
            len = (f & UC_UPPER) ? lower_at(I, cp, n, i, m) : (f & UC_LOWER) ? map_of(I, c, UC_TO_UPPER, m)
                                                                            : (m[0] = c, 1);
            break;
        case CASE_CAPITALIZE: len = i == 0 ? map_of(I, c, UC_TO_TITLE, m) : lower_at(I, cp, n, i, m); break;
        default: /* title: lower after a cased character, else title */
            len = prev_cased ? lower_at(I, cp, n, i, m) : map_of(I, c, UC_TO_TITLE, m);
            prev_cased = (f & UC_CASED) != 0;
        }
        for (int j = 0; j < len; j++)
            out[k++] = m[j];
    }
    SimId r = str_encode(I, out, k, true);
    free(out);
    free(cp);
    return r;
}

SimId str_lower(PyRun *I, SimId *a, int n, SimId kw) { (void)n, (void)kw; return case_map(I, a[0], CASE_LOWER); }
SimId str_upper(PyRun *I, SimId *a, int n, SimId kw) { (void)n, (void)kw; return case_map(I, a[0], CASE_UPPER); }
SimId str_casefold(PyRun *I, SimId *a, int n, SimId kw) { (void)n, (void)kw; return case_map(I, a[0], CASE_FOLD); }
SimId str_swapcase(PyRun *I, SimId *a, int n, SimId kw) { (void)n, (void)kw; return case_map(I, a[0], CASE_SWAP); }
SimId str_capitalize(PyRun *I, SimId *a, int n, SimId kw) { (void)n, (void)kw; return case_map(I, a[0], CASE_CAPITALIZE); }
SimId str_title(PyRun *I, SimId *a, int n, SimId kw) { (void)n, (void)kw; return case_map(I, a[0], CASE_TITLE); }

/* ---- predicates --------------------------------------------------------------- */

enum { IS_DIGIT, IS_DECIMAL, IS_NUMERIC, IS_ALPHA, IS_ALNUM, IS_SPACE, IS_UPPER, IS_LOWER, IS_TITLE,
       IS_IDENT, IS_PRINT };

/* one character's answer for the per-character predicates */
static bool each(PyRun *I, int what, uint32_t c, size_t i)
{
    uint16_t f = flags_of(I, c);
    switch (what) {
    case IS_DIGIT: return f & UC_DIGIT;
    case IS_DECIMAL: return f & UC_DECIMAL;
    case IS_NUMERIC: return f & UC_NUMERIC;
    case IS_ALPHA: return f & UC_ALPHA;
    case IS_ALNUM: return f & (UC_ALPHA | UC_DECIMAL | UC_DIGIT | UC_NUMERIC);
    case IS_SPACE: return f & UC_SPACE;
    case IS_IDENT: return f & (i == 0 ? UC_XID_START : UC_XID_CONTINUE);
    default: return c < 0x80 ? c >= 0x20 && c < 0x7f : unicode_printable(c, ucd(I)); /* IS_PRINT */
    }
}

/* unicode_isupper_impl, _islower_impl, _istitle_impl */
static bool cased_test(PyRun *I, const uint32_t *cp, size_t n, int what)
{
    if (n == 1) {
        uint16_t f = flags_of(I, cp[0]);
        return what == IS_UPPER ? (f & UC_UPPER) != 0 : what == IS_LOWER ? (f & UC_LOWER) != 0
                                                                        : (f & (UC_TITLE | UC_UPPER)) != 0;
    }
    bool cased = false, prev_cased = false;
    for (size_t i = 0; i < n; i++) {
        uint16_t f = flags_of(I, cp[i]);
        if (what == IS_UPPER) {
            if (f & (UC_LOWER | UC_TITLE))
                return false;
            cased |= (f & UC_UPPER) != 0;
        } else if (what == IS_LOWER) {
            if (f & (UC_UPPER | UC_TITLE))
                return false;
            cased |= (f & UC_LOWER) != 0;
        } else if (f & (UC_UPPER | UC_TITLE)) {
            if (prev_cased)
                return false;
            prev_cased = cased = true;
        } else if (f & UC_LOWER) {
            if (!prev_cased)
                return false;
            prev_cased = cased = true;
        } else {
            prev_cased = false;
        }
    }
    return cased;
}

static SimId predicate(PyRun *I, SimId self, int what)
{
    size_t n;
    uint32_t *cp = str_decode(I, self, &n);
    bool r;
    if (what == IS_UPPER || what == IS_LOWER || what == IS_TITLE) {
        r = cased_test(I, cp, n, what);
    } else {
        r = n > 0 || what == IS_PRINT;
        for (size_t i = 0; i < n && r; i++)
            r = each(I, what, cp[i], i);
    }
    free(cp);
    return sim_bool(S, r);
}

SimId str_isdigit(PyRun *I, SimId *a, int n, SimId kw) { (void)n, (void)kw; return predicate(I, a[0], IS_DIGIT); }
SimId str_isdecimal(PyRun *I, SimId *a, int n, SimId kw) { (void)n, (void)kw; return predicate(I, a[0], IS_DECIMAL); }
SimId str_isnumeric(PyRun *I, SimId *a, int n, SimId kw) { (void)n, (void)kw; return predicate(I, a[0], IS_NUMERIC); }
SimId str_isalpha(PyRun *I, SimId *a, int n, SimId kw) { (void)n, (void)kw; return predicate(I, a[0], IS_ALPHA); }
SimId str_isalnum(PyRun *I, SimId *a, int n, SimId kw) { (void)n, (void)kw; return predicate(I, a[0], IS_ALNUM); }
SimId str_isspace(PyRun *I, SimId *a, int n, SimId kw) { (void)n, (void)kw; return predicate(I, a[0], IS_SPACE); }
SimId str_isupper(PyRun *I, SimId *a, int n, SimId kw) { (void)n, (void)kw; return predicate(I, a[0], IS_UPPER); }
SimId str_islower(PyRun *I, SimId *a, int n, SimId kw) { (void)n, (void)kw; return predicate(I, a[0], IS_LOWER); }
SimId str_istitle(PyRun *I, SimId *a, int n, SimId kw) { (void)n, (void)kw; return predicate(I, a[0], IS_TITLE); }
SimId str_isidentifier(PyRun *I, SimId *a, int n, SimId kw) { (void)n, (void)kw; return predicate(I, a[0], IS_IDENT); }
SimId str_isprintable(PyRun *I, SimId *a, int n, SimId kw) { (void)n, (void)kw; return predicate(I, a[0], IS_PRINT); }

SimId str_isascii(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return sim_bool(S, sim_obj(S, a[0])->sub == 1);
}
