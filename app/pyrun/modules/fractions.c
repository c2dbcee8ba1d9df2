/*
 * fractions: fractions.Fraction, which CPython writes in Python
 * (Lib/fractions.py: `class Fraction(numbers.Rational)` with
 * `__slots__ = ('_numerator', '_denominator')`), as a class of the
 * model's with those two slots (so an instance is CPython's 48 bytes,
 * tracked) and built-in methods (SK_INSTANCE, BM_FRACTIONS).  The slots
 * hold the model's own ints, so their sizes, small-int sharing and
 * reference counts are the ints'.  Construction follows __new__: an int
 * is kept as is, a Fraction's two ints are shared, a float is exact
 * (as_integer_ratio), a str is read as _RATIONAL_FORMAT reads it (ASCII
 * digits; underscores and other digits refused), two ints are reduced by
 * math.gcd with the sign on the numerator.  Arithmetic and the rest are
 * fractions_ops.c's.  Lib's frames, tuples and bound methods are not
 * replayed: the young count and the traced figures are refused after a
 * call (fr_note).  from_float is the classmethod of Lib's: cls(f) for an
 * int, else cls(*f.as_integer_ratio()) in 3.11 and 3.12+'s
 * _from_coprime_ints (object.__new__ and the two slots, no __init__).
 * Decimal arguments, complex operands, format specs, from_decimal and the
 * numbers ABCs are refused.
 */
#include <stdio.h>
#include <string.h>

#include "pyrun/interp.h"
#include "pyrun/modules/fractions_int.h"
#include "pyrun/modules/math_exact.h"
#include "pyrun/modules/std_import.h"
#include "pyrun/modules/tracemalloc.h"
#include "pyrun/types/types.h"

#define S (I->sim)

/* ---- helpers ------------------------------------------------------------------ */

SimId fr_keep(PyRun *I, FrTmp *t, SimId v)
{
    (void)I;
    if (v && t->n < 64)
        t->ids[t->n++] = v;
    return v;
}

void fr_tmp_free(PyRun *I, FrTmp *t)
{
    while (t->n > 0)
        sim_decref(S, t->ids[--t->n]);
}

void fr_note(PyRun *I)
{
    if (!I->gc_count_unsure)
        I->count_unsure_what = "a method of fractions.Fraction (Lib/fractions.py's objects)";
    I->gc_count_unsure = true;
    tm_note_unsure(I, "a method of fractions.Fraction (Lib/fractions.py's objects)");
}

bool fr_is(PyRun *I, SimId v)
{
    return I->fraction_type && sim_kind(S, v) == SK_INSTANCE && sim_is_subtype(S, sim_obj(S, v)->type, I->fraction_type);
}

static SimId slot_name(PyRun *I, bool den) { return sim_str_intern(S, den ? "_denominator" : "_numerator", den ? 12 : 10); }

static SimId slot_get(PyRun *I, SimId f, bool den)
{
    SimId k = slot_name(I, den), v = attr_get(I, f, k);
    sim_decref(S, k);
    if (v)
        sim_decref(S, v); /* the slot holds it */
    return v;
}

SimId fr_num(PyRun *I, SimId f) { return slot_get(I, f, false); }
SimId fr_den(PyRun *I, SimId f) { return slot_get(I, f, true); }

static bool slot_set(PyRun *I, SimId f, bool den, SimId v)
{
    SimId k = slot_name(I, den);
    bool ok = attr_set(I, f, k, v);
    sim_decref(S, k);
    return ok;
}

static bool fill(PyRun *I, SimId f, SimId n, SimId d) { return slot_set(I, f, false, n) && slot_set(I, f, true, d); }

SimId fr_make(PyRun *I, SimId n, SimId d)
{
    SimId f = vm_new_instance(I, I->fraction_type, NULL, 0, false);
    if (f && !fill(I, f, n, d)) {
        sim_decref(S, f);
        return 0;
    }
    return f;
}

SimId fr_op(PyRun *I, FrTmp *t, int op, SimId a, SimId b)
{
    return a && b ? fr_keep(I, t, op_binary(I, op, a, b, false)) : 0;
}

int fr_sign(PyRun *I, SimId a)
{
    SimId z = sim_int(S, 0);
    SimId lt = op_compare(I, OP_LT, a, z), eq = lt ? op_compare(I, OP_EQ, a, z) : 0;
    int r = !lt || !eq ? -2 : op_truth(I, lt) ? -1 : op_truth(I, eq) ? 0 : 1;
    sim_xdecref(S, lt);
    sim_xdecref(S, eq);
    sim_decref(S, z);
    return r;
}

SimId fr_float(PyRun *I, SimId f) { return op_binary(I, OP_DIV, fr_num(I, f), fr_den(I, f), false); }

static bool exact_int(PyRun *I, SimId v) { return sim_kind(S, v) == SK_INT && !sim_is_subinst(S, v); }

/* numerator, denominator reduced: g = gcd(n, d), negated when d < 0 */
static bool reduce(PyRun *I, FrTmp *t, SimId *n, SimId *d)
{
    SimId args[2] = {*n, *d};
    SimId g = fr_keep(I, t, math_gcd(I, args, 2, 0));
    int ds = fr_sign(I, *d);
    if (!g || ds == -2)
        return false;
    if (ds < 0)
        g = fr_keep(I, t, op_unary(I, OP_NEG, g));
    *n = fr_op(I, t, OP_FLOORDIV, *n, g);
    *d = fr_op(I, t, OP_FLOORDIV, *d, g);
    return *n && *d;
}

static bool zero_denominator(PyRun *I, SimId d, SimId n)
{
    if (fr_sign(I, d) != 0)
        return false;
    Buf b = {0};
    if (op_str(I, n, &b))
        py_raise(I, EXC_ZeroDivisionError, "Fraction(%s, 0)", buf_str(&b));
    buf_fini(&b);
    return true;
}

SimId fr_normalized(PyRun *I, SimId n, SimId d)
{
    FrTmp t = {0};
    SimId r = 0;
    if (!zero_denominator(I, d, n) && !I->ts->err.set && reduce(I, &t, &n, &d))
        r = fr_make(I, n, d);
    fr_tmp_free(I, &t);
    return r;
}

/* ---- construction ------------------------------------------------------------- */

static bool digit(uint32_t c) { return c >= '0' && c <= '9'; }

/* int(text[from, to)), kept in t */
static SimId int_of(PyRun *I, FrTmp *t, const char *s, size_t from, size_t to)
{
    if (from == to)
        return fr_keep(I, t, sim_int(S, 0));
    SimId str = sim_str(S, s + from, to - from);
    SimId r = vm_call(I, S->types[SK_INT], &str, 1);
    sim_decref(S, str);
    return fr_keep(I, t, r);
}

/* _RATIONAL_FORMAT: blanks, a sign, then digits (or a point and a digit),
 * then a slash and digits (3.12+: blanks around the slash too), or a
 * point with digits and an exponent, then blanks; the numerator and denominator into
 * *n, *d; false raised or refused */
static bool parse(PyRun *I, FrTmp *t, SimId text, SimId *n, SimId *d)
{
    size_t len;
    const char *s = sim_str_data(S, text, &len);
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0x80 || s[i] == '_')
            return py_not_modelled(I, 0, "Fraction() of a str with underscores or characters beyond ASCII");
    size_t i = 0, e = len;
    while (i < e && strchr(" \t\n\r\f\v", s[i]))
        i++;
    while (e > i && strchr(" \t\n\r\f\v", s[e - 1]))
        e--;
    bool neg = false, ok = true;
    if (i < e && (s[i] == '-' || s[i] == '+'))
        neg = s[i++] == '-';
    ok = i < e && (digit((unsigned char)s[i]) || (s[i] == '.' && i + 1 < e && digit((unsigned char)s[i + 1])));
    size_t n0 = i;
    while (i < e && digit((unsigned char)s[i]))
        i++;
    size_t n1 = i;
    SimId num = 0, den = 0;
    if (ok && i < e && (s[i] == '/' || (S->prof->version > SIM_V311 && strchr(" \t\n\r\f\v", s[i])))) {
        size_t j = i;
        while (S->prof->version > SIM_V311 && j < e && strchr(" \t\n\r\f\v", s[j]))
            j++;
        ok = j < e && s[j] == '/';
        j++;
        while (ok && S->prof->version > SIM_V311 && j < e && strchr(" \t\n\r\f\v", s[j]))
            j++;
        size_t d0 = j;
        while (ok && j < e && digit((unsigned char)s[j]))
            j++;
        ok = ok && j > d0 && j == e;
        if (ok) {
            num = int_of(I, t, s, n0, n1);
            den = int_of(I, t, s, d0, e);
        }
    } else if (ok) {
        size_t f0 = i, f1 = i;
        if (i < e && s[i] == '.') {
            f0 = ++i;
            while (i < e && digit((unsigned char)s[i]))
                i++;
            f1 = i;
        }
        size_t x0 = i;
        if (i < e && (s[i] == 'e' || s[i] == 'E')) {
            x0 = ++i;
            if (i < e && (s[i] == '-' || s[i] == '+'))
                i++;
            size_t dg = i;
            while (i < e && digit((unsigned char)s[i]))
                i++;
            ok = i > dg;
        }
        ok = ok && i == e;
        num = ok ? int_of(I, t, s, n0, n1) : 0;
        den = ok ? fr_keep(I, t, sim_int(S, 1)) : 0;
        if (ok && f1 > f0) { /* numerator * 10**len(decimal) + int(decimal) */
            SimId scale = fr_op(I, t, OP_POW, fr_keep(I, t, sim_int(S, 10)), fr_keep(I, t, sim_int(S, (int64_t)(f1 - f0))));
            num = fr_op(I, t, OP_ADD, fr_op(I, t, OP_MUL, num, scale), int_of(I, t, s, f0, f1));
            den = fr_op(I, t, OP_MUL, den, scale);
        }
        if (ok && x0 < e && (s[x0 - 1] == 'e' || s[x0 - 1] == 'E')) {
            SimId x = int_of(I, t, s, x0, e);
            int xs = x ? fr_sign(I, x) : -2;
            SimId ten = fr_keep(I, t, sim_int(S, 10));
            if (xs >= 0)
                num = fr_op(I, t, OP_MUL, num, fr_op(I, t, OP_POW, ten, x));
            else if (xs == -1)
                den = fr_op(I, t, OP_MUL, den, fr_op(I, t, OP_POW, ten, fr_keep(I, t, op_unary(I, OP_NEG, x))));
        }
    }
    if (!ok) {
        Buf b = {0};
        op_repr(I, text, &b);
        py_raise(I, EXC_ValueError, "Invalid literal for Fraction: %s", buf_str(&b));
        buf_fini(&b);
        return false;
    }
    if (num && neg)
        num = fr_keep(I, t, op_unary(I, OP_NEG, num));
    *n = num;
    *d = den;
    return num && den;
}

/* Fraction(numerator=0, denominator=None): __new__'s work, as __init__
 * on the instance object.__new__ made */
static SimId fr_init(PyRun *I, SimId *a, int n, SimId kw)
{
    fr_note(I);
    int nk = kw ? (int)sim_obj(S, kw)->len : 0, np = n - nk - 1;
    SimId self = a[0], num = np > 0 ? a[1] : 0, den = np > 1 ? a[2] : 0;
    if (np > 2) {
        py_raise(I, EXC_TypeError, "Fraction.__new__() takes from 1 to 3 positional arguments but %d were given",
                 np + 1);
        return 0;
    }
    for (int i = 0; i < nk; i++) {
        SimId name = sim_items(S, kw)[i], v = a[n - nk + i];
        SimId *slot = sim_str_equals(S, name, "numerator") ? &num : sim_str_equals(S, name, "denominator") ? &den : 0;
        if (!slot)
            return py_not_modelled(I, 0, "this keyword argument to Fraction()"), (SimId)0;
        if (*slot) {
            py_raise(I, EXC_TypeError, "Fraction.__new__() got multiple values for argument '%s'",
                     slot == &num ? "numerator" : "denominator");
            return 0;
        }
        *slot = v;
    }
    if (den && sim_kind(S, den) == SK_NONE)
        den = 0;
    FrTmp t = {0};
    bool ok = false;
    if (!num) {
        ok = fill(I, self, fr_keep(I, &t, sim_int(S, 0)), fr_keep(I, &t, sim_int(S, 1)));
    } else if (!den && exact_int(I, num)) {
        ok = fill(I, self, num, fr_keep(I, &t, sim_int(S, 1)));
    } else if (!den && sim_kind(S, num) == SK_BOOL) { /* a Rational: True.numerator is the int 1 */
        ok = fill(I, self, fr_keep(I, &t, sim_int(S, num == S->true_ ? 1 : 0)), fr_keep(I, &t, sim_int(S, 1)));
    } else if (!den && sim_kind(S, num) == SK_INT) { /* a Rational: its own */
        ok = fill(I, self, num, fr_keep(I, &t, sim_int(S, 1)));
    } else if (!den && fr_is(I, num)) {
        ok = fill(I, self, fr_num(I, num), fr_den(I, num));
    } else if (!den && sim_kind(S, num) == SK_FLOAT && !sim_is_subinst(S, num)) {
        SimId k = sim_str_intern(S, "as_integer_ratio", 16), m = attr_get(I, num, k);
        sim_decref(S, k);
        SimId r = m ? fr_keep(I, &t, vm_call(I, m, NULL, 0)) : 0;
        sim_xdecref(S, m);
        ok = r && fill(I, self, sim_items(S, r)[0], sim_items(S, r)[1]);
    } else if (!den && sim_kind(S, num) == SK_STR && !sim_is_subinst(S, num)) {
        SimId pn, pd;
        ok = parse(I, &t, num, &pn, &pd) && !zero_denominator(I, pd, pn) && !I->ts->err.set &&
             reduce(I, &t, &pn, &pd) && fill(I, self, pn, pd);
    } else if (!den) {
        if (sim_kind(S, num) == SK_INSTANCE || sim_kind(S, num) == SK_FLOAT || sim_kind(S, num) == SK_STR)
            return fr_tmp_free(I, &t), py_not_modelled(I, 0, "Fraction() of a %s", op_typename(I, num)), (SimId)0;
        py_raise(I, EXC_TypeError, "argument should be a string or a Rational instance");
    } else {
        bool ni = sim_kind(S, num) == SK_INT || sim_kind(S, num) == SK_BOOL, di = sim_kind(S, den) == SK_INT ||
                                                                                sim_kind(S, den) == SK_BOOL;
        SimId pn = num, pd = den;
        if ((ni || fr_is(I, num)) && (di || fr_is(I, den)) && (!ni || !di)) { /* two Rationals */
            SimId nn = ni ? num : fr_num(I, num), nd = ni ? fr_keep(I, &t, sim_int(S, 1)) : fr_den(I, num);
            SimId dn = di ? den : fr_num(I, den), dd = di ? fr_keep(I, &t, sim_int(S, 1)) : fr_den(I, den);
            pn = fr_op(I, &t, OP_MUL, nn, dd);
            pd = fr_op(I, &t, OP_MUL, dn, nd);
        } else if (!ni || !di) {
            if (sim_kind(S, num) == SK_INSTANCE || sim_kind(S, den) == SK_INSTANCE)
                return fr_tmp_free(I, &t), py_not_modelled(I, 0, "Fraction() of a class's instances"), (SimId)0;
            py_raise(I, EXC_TypeError, "both arguments should be Rational instances");
            pn = 0;
        }
        ok = pn && pd && !zero_denominator(I, pd, pn) && !I->ts->err.set && reduce(I, &t, &pn, &pd) &&
             fill(I, self, pn, pd);
    }
    fr_tmp_free(I, &t);
    return ok ? bi_none(I) : 0;
}

/* ---- properties and text --------------------------------------------------------- */

static bool self_only(PyRun *I, const char *fn, int n, SimId kw)
{
    fr_note(I);
    if (n - (kw ? (int)sim_obj(S, kw)->len : 0) != 1 || kw) {
        py_raise(I, EXC_TypeError, "Fraction.%s() takes 1 positional argument but %d were given", fn, n);
        return false;
    }
    return true;
}

static SimId ret(PyRun *I, SimId v)
{
    if (v)
        sim_incref(S, v);
    return v;
}

static SimId fr_numerator(PyRun *I, SimId *a, int n, SimId kw)
{
    return self_only(I, "numerator", n, kw) ? ret(I, fr_num(I, a[0])) : 0;
}

static SimId fr_denominator(PyRun *I, SimId *a, int n, SimId kw)
{
    return self_only(I, "denominator", n, kw) ? ret(I, fr_den(I, a[0])) : 0;
}

static SimId fr_ratio(PyRun *I, SimId *a, int n, SimId kw)
{
    if (!self_only(I, "as_integer_ratio", n, kw))
        return 0;
    SimId r = sim_tuple(S, 2), x = fr_num(I, a[0]), y = fr_den(I, a[0]);
    sim_incref(S, x);
    sim_incref(S, y);
    sim_tuple_set(S, r, 0, x);
    sim_tuple_set(S, r, 1, y);
    return r;
}

static SimId fr_is_integer(PyRun *I, SimId *a, int n, SimId kw)
{
    if (!self_only(I, "is_integer", n, kw))
        return 0;
    SimId d = fr_den(I, a[0]), one = sim_int(S, 1);
    int r = op_equal(I, d, one);
    sim_decref(S, one);
    return r < 0 ? 0 : sim_bool(S, r == 1);
}

static SimId fr_repr(PyRun *I, SimId *a, int n, SimId kw)
{
    if (!self_only(I, "__repr__", n, kw))
        return 0;
    Buf b = {0};
    buf_printf(&b, "%s(", sim_type_name(S, a[0]));
    bool ok = op_str(I, fr_num(I, a[0]), &b);
    buf_adds(&b, ", ");
    ok = ok && op_str(I, fr_den(I, a[0]), &b);
    buf_addc(&b, ')');
    SimId r = ok ? sim_str(S, buf_str(&b), b.len) : 0;
    buf_fini(&b);
    return r;
}

static SimId fr_str(PyRun *I, SimId *a, int n, SimId kw)
{
    if (!self_only(I, "__str__", n, kw))
        return 0;
    SimId d = fr_den(I, a[0]), one = sim_int(S, 1);
    int whole = op_equal(I, d, one);
    sim_decref(S, one);
    Buf b = {0};
    bool ok = whole >= 0 && op_str(I, fr_num(I, a[0]), &b);
    if (ok && !whole) {
        buf_addc(&b, '/');
        ok = op_str(I, d, &b);
    }
    SimId r = ok ? sim_str(S, buf_str(&b), b.len) : 0;
    buf_fini(&b);
    return r;
}

/* __format__ (3.12+): an empty spec is str(self); the float-style and
 * general specs are refused */
static SimId fr_format(PyRun *I, SimId *a, int n, SimId kw)
{
    fr_note(I);
    if (kw || n != 2 || sim_kind(S, a[1]) != SK_STR)
        return py_not_modelled(I, 0, "Fraction.__format__() called so"), (SimId)0;
    size_t len;
    sim_str_data(S, a[1], &len);
    if (len)
        return py_not_modelled(I, 0, "a format spec of a Fraction"), (SimId)0;
    return fr_str(I, a, 1, 0);
}

/* str(obj.name) into out */
static bool str_attr(PyRun *I, SimId obj, const char *name, Buf *out)
{
    SimId k = sim_str_intern(S, name, strlen(name)), v = attr_get(I, obj, k);
    sim_decref(S, k);
    bool ok = v && op_str(I, v, out);
    sim_xdecref(S, v);
    return ok;
}

/* from_float(cls, f), a classmethod: a[0] is the class */
static SimId fr_from_float(PyRun *I, SimId *a, int n, SimId kw)
{
    fr_note(I);
    int nk = kw ? (int)sim_obj(S, kw)->len : 0, np = n - nk;
    if (nk) {
        size_t len;
        const char *w = sim_str_data(S, sim_items(S, kw)[0], &len);
        if (np < 2 && sim_str_equals(S, sim_items(S, kw)[0], "f"))
            return py_not_modelled(I, 0, "Fraction.from_float(f=...)"), (SimId)0;
        py_raise(I, EXC_TypeError, "Fraction.from_float() got an unexpected keyword argument '%.*s'", (int)len, w);
        return 0;
    }
    if (np != 2) {
        if (np < 2)
            py_raise(I, EXC_TypeError, "Fraction.from_float() missing 1 required positional argument: 'f'");
        else
            py_raise(I, EXC_TypeError, "Fraction.from_float() takes 2 positional arguments but %d were given", np);
        return 0;
    }
    SimId cls = a[0], f = a[1];
    if (sim_kind(S, f) == SK_INT || sim_kind(S, f) == SK_BOOL) /* a numbers.Integral: cls(f) */
        return vm_call(I, cls, &f, 1);
    if (sim_kind(S, f) != SK_FLOAT) {
        if (sim_kind(S, f) == SK_INSTANCE && !sim_is_native(S, f))
            return py_not_modelled(I, 0, "Fraction.from_float() of a class's instance (numbers.Integral's "
                                         "registrations)"), (SimId)0;
        Buf b = {0}, nm = {0};
        if (op_repr(I, f, &b) && str_attr(I, cls, "__name__", &nm))
            py_raise(I, EXC_TypeError, "%s.from_float() only takes floats, not %s (%s)", buf_str(&nm), buf_str(&b),
                     op_typename(I, f));
        buf_fini(&b);
        buf_fini(&nm);
        return 0;
    }
    SimId k = sim_str_intern(S, "as_integer_ratio", 16), m = attr_get(I, f, k);
    sim_decref(S, k);
    SimId r = m ? vm_call(I, m, NULL, 0) : 0;
    sim_xdecref(S, m);
    if (!r)
        return 0;
    SimId out;
    if (S->prof->version == SIM_V311) { /* cls(*f.as_integer_ratio()) */
        out = vm_call(I, cls, sim_items(S, r), 2);
    } else { /* cls._from_coprime_ints(n, d) */
        out = vm_new_instance(I, cls, NULL, 0, false);
        if (out && !fill(I, out, sim_items(S, r)[0], sim_items(S, r)[1])) {
            sim_decref(S, out);
            out = 0;
        }
    }
    sim_decref(S, r);
    return out;
}

static SimId fr_refused(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)a, (void)n, (void)kw;
    return py_not_modelled(I, 0, "this method of fractions.Fraction"), (SimId)0;
}

/* ---- the module ----------------------------------------------------------------------- */

#define M(nm, f) BUILTIN("Fraction." nm, SK_INSTANCE, BM_FRACTIONS, f, .kw = "*")
#define R(nm) BUILTIN("Fraction." nm, SK_INSTANCE, BM_FRACTIONS, fr_refused, .refused = true)

const BuiltinDef fractions_functions[] = {
    M("__init__", fr_init), M("numerator", fr_numerator), M("denominator", fr_denominator),
    M("as_integer_ratio", fr_ratio), M("is_integer", fr_is_integer), M("__repr__", fr_repr), M("__str__", fr_str),
    M("__add__", fr_add), M("__radd__", fr_radd), M("__sub__", fr_sub), M("__rsub__", fr_rsub),
    M("__mul__", fr_mul), M("__rmul__", fr_rmul), M("__truediv__", fr_div), M("__rtruediv__", fr_rdiv),
    M("__floordiv__", fr_floordiv), M("__rfloordiv__", fr_rfloordiv), M("__mod__", fr_mod), M("__rmod__", fr_rmod),
    M("__pow__", fr_pow), M("__rpow__", fr_rpow), M("__neg__", fr_neg), M("__pos__", fr_pos), M("__abs__", fr_abs),
    M("__eq__", fr_eq), M("__lt__", fr_lt), M("__le__", fr_le), M("__gt__", fr_gt), M("__ge__", fr_ge),
    M("__hash__", fr_hash), M("__bool__", fr_bool), M("__trunc__", fr_trunc), M("__int__", fr_trunc),
    M("__floor__", fr_floor), M("__ceil__", fr_ceil), M("__round__", fr_round), M("__float__", fr_float_m),
    M("limit_denominator", fr_limit), M("from_float", fr_from_float), R("from_decimal"), R("__divmod__"), R("__rdivmod__"),
    M("__format__", fr_format), R("__reduce__"), R("__copy__"), R("__deepcopy__"), R("__complex__"),
};
const int fractions_nfunctions = (int)(sizeof fractions_functions / sizeof fractions_functions[0]);

static SimId make_class(PyRun *I)
{
    SimId ns = sim_dict(S);
    bi_dict_put(I, ns, "__module__", sim_str_intern(S, "fractions", 9));
    bi_dict_put(I, ns, "__qualname__", sim_str_intern(S, "Fraction", 8));
    SimId slots = sim_tuple(S, 2);
    sim_tuple_set(S, slots, 0, slot_name(I, false));
    sim_tuple_set(S, slots, 1, slot_name(I, true));
    bi_dict_put(I, ns, "__slots__", slots);
    int base = bi_index_of(fractions_functions);
    for (int i = 0; i < fractions_nfunctions; i++) {
        const char *mn = fractions_functions[i].name + 9;
        if ((strcmp(mn, "is_integer") == 0 || strcmp(mn, "__format__") == 0) && S->prof->version == SIM_V311)
            continue; /* new in 3.12 */
        SimId f = sim_builtin(S, (uint32_t)(base + i), 0);
        bool prop = strcmp(mn, "numerator") == 0 || strcmp(mn, "denominator") == 0;
        if (strcmp(mn, "from_float") == 0)
            f = sim_method_descr(S, SK_CLASSMETHOD, f, 0);
        bi_dict_put(I, ns, mn, prop ? sim_property(S, f, 0, 0, 0) : f);
    }
    SimId name = sim_str_intern(S, "Fraction", 8), bases = sim_tuple(S, 0);
    SimId cls = class_build(I, name, ns, bases);
    sim_decref(S, bases);
    sim_decref(S, name);
    sim_decref(S, ns);
    if (cls)
        sim_items(S, cls)[SIM_TY_FLAGS] |= SIM_TYF_NATIVE;
    return cls;
}

void fractions_module_init(PyRun *I, SimId d)
{
    SimId cls = make_class(I);
    I->fraction_type = cls;
    if (cls)
        bi_dict_put(I, d, "Fraction", cls);
}

void fractions_on_import(PyRun *I) { std_import(I, STD_FRACTIONS); }
