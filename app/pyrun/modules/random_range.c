/*
 * random_range: Lib/random.py's _randbelow_with_getrandbits and randrange
 * (randint's too), in int64 and, past 2**61, in big ints, with the same
 * steps and the errors of each version; the bound method each _randbelow
 * reads (self.getrandbits) replayed for the collector.
 */
#include <stdint.h>

#include "pyrun/builtins.h"
#include "pyrun/modules/random_int.h"
#include "pyrun/modules/random_mt.h"
#include "pyrun/types/bigint.h"
#include "pyrun/types/types.h"

#define S (I->sim)

/* ---- the collector's view of the Python layer ------------------------------------ */

/* a bound method made and dropped around `body` (self.getrandbits) */
static SimId transient_open(PyRun *I)
{
    SimId m = sim_builtin(S, 0, 0);
    if (S->gc.scheduled) /* 3.12+: the next C call's eval-breaker check, the method still alive */
        vm_eval_breaker(I);
    return m;
}

static void transient_close(PyRun *I, SimId m) { sim_decref(S, m); }

/* _randbelow_with_getrandbits(n), n > 0 */
uint64_t random_randbelow(PyRun *I, uint64_t n)
{
    SimId m = transient_open(I);
    int k = 0;
    while (k < 64 && (n >> k) != 0)
        k++;
    uint64_t r = mt_getrandbits(mt_gen(I), k);
    while (r >= n)
        r = mt_getrandbits(mt_gen(I), k);
    transient_close(I, m);
    return r;
}

/* operator.index() of a randrange argument: an int (3.11 accepted
 * integral floats with a DeprecationWarning: refused) */
static bool index_check(PyRun *I, SimId v)
{
    SimKind k = sim_kind(S, v);
    if (k == SK_FLOAT && S->prof->version == SIM_V311)
        return py_not_modelled(I, 0, "a float argument to random.randrange() under 3.11 (a DeprecationWarning)");
    if (k == SK_INSTANCE)
        return py_not_modelled(I, 0, "random.randrange() of an object of a class (__index__)");
    if (k != SK_INT && k != SK_BOOL) {
        py_raise(I, EXC_TypeError, "'%s' object cannot be interpreted as an integer", op_typename(I, v));
        return false;
    }
    return true;
}

/* beyond 2**61 the arithmetic leaves int64: randrange_big */
static bool is_big(PyRun *I, SimId v)
{
    const SimObj *o = sim_obj(S, v);
    return o->kind == SK_INT && (o->sub == 1 || o->v.i > (INT64_C(1) << 61) || o->v.i < -(INT64_C(1) << 61));
}

static bool index_arg(PyRun *I, SimId v, int64_t *out)
{
    if (!index_check(I, v))
        return false;
    *out = sim_obj(S, v)->v.i;
    return true;
}

static void arg_text(PyRun *I, SimId v, Buf *b)
{
    op_str(I, v, b);
}

/* _randbelow_with_getrandbits(n) for a big n (> 2**61) */
static void randbelow_big(PyRun *I, const BigInt *n, BigInt *r)
{
    SimId m = transient_open(I);
    int64_t k = (int64_t)(n->n - 1) * 30;
    for (uint32_t top = n->d[n->n - 1]; top; top >>= 1)
        k++;
    mt_randbits_big(mt_gen(I), k, r);
    while (big_cmp(r, n) >= 0) {
        big_free(r);
        mt_randbits_big(mt_gen(I), k, r);
    }
    transient_close(I, m);
}

static void big_text(const BigInt *b, Buf *out) { big_to_dec(b, out); }

/* randrange's Python code on ints past int64's comfort: the same steps
 * and errors as randrange_impl, in big ints */
static SimId randrange_big(PyRun *I, SimId start, SimId stop, SimId step)
{
    if (!index_check(I, start) || (stop && stop != S->none && !index_check(I, stop)) ||
        (step && !index_check(I, step)))
        return 0;
    BigInt a, b, st, width, n, r, t, out;
    big_from_sim(S, start, &a);
    if (!stop || stop == S->none) {
        if (step) {
            big_free(&a);
            py_raise(I, EXC_TypeError, "Missing a non-None stop argument");
            return 0;
        }
        if (a.sign > 0) {
            randbelow_big(I, &a, &r);
            big_free(&a);
            return big_to_sim(S, &r);
        }
        big_free(&a);
        py_raise(I, EXC_ValueError, "empty range for randrange()");
        return 0;
    }
    big_from_sim(S, stop, &b);
    big_sub(&b, &a, &width);
    big_from_i64(&st, 1);
    if (step)
        big_free(&st), big_from_sim(S, step, &st);
    bool unit = st.sign > 0 && st.n == 1 && st.d[0] == 1;
    SimId res = 0;
    if (st.sign == 0) {
        py_raise(I, EXC_ValueError, "zero step for randrange()");
        goto out;
    }
    if (unit) {
        n = width, width = (BigInt){0};
    } else { /* (width + step -+ 1) // step */
        BigInt one, adj, num, rem;
        big_from_i64(&one, st.sign > 0 ? -1 : 1);
        big_add(&st, &one, &adj);
        big_add(&width, &adj, &num);
        big_divmod(&num, &st, &n, &rem);
        big_free(&one), big_free(&adj), big_free(&num), big_free(&rem);
    }
    if (n.sign <= 0) {
        Buf msg = {0};
        if (S->prof->version == SIM_V311 && unit) {
            buf_adds(&msg, "empty range for randrange() (");
            big_text(&a, &msg), buf_adds(&msg, ", "), big_text(&b, &msg), buf_adds(&msg, ", ");
            BigInt w;
            big_sub(&b, &a, &w);
            big_text(&w, &msg), big_free(&w);
            buf_addc(&msg, ')');
        } else if (S->prof->version == SIM_V311) {
            buf_adds(&msg, "empty range for randrange()");
        } else {
            buf_adds(&msg, "empty range in randrange(");
            arg_text(I, start, &msg), buf_adds(&msg, ", "), arg_text(I, stop, &msg);
            if (!unit)
                buf_adds(&msg, ", "), arg_text(I, step, &msg);
            buf_addc(&msg, ')');
        }
        py_raise(I, EXC_ValueError, "%s", buf_str(&msg));
        buf_fini(&msg);
        big_free(&n);
        goto out;
    }
    randbelow_big(I, &n, &r);
    big_free(&n);
    big_mul(&st, &r, &t);
    big_add(&a, &t, &out);
    big_free(&r), big_free(&t);
    res = big_to_sim(S, &out);
out:
    big_free(&a), big_free(&b), big_free(&st), big_free(&width);
    return res;
}

static SimId randrange_impl(PyRun *I, SimId start, SimId stop, SimId step)
{
    if (is_big(I, start) || (stop && stop != S->none && is_big(I, stop)) || (step && is_big(I, step)))
        return randrange_big(I, start, stop, step);
    int64_t a, b, st = 1;
    if (!index_arg(I, start, &a))
        return 0;
    if (!stop || stop == S->none) {
        if (step) {
            py_raise(I, EXC_TypeError, "Missing a non-None stop argument");
            return 0;
        }
        if (a > 0)
            return sim_int(S, (int64_t)random_randbelow(I, (uint64_t)a));
        py_raise(I, EXC_ValueError, "empty range for randrange()");
        return 0;
    }
    if (!index_arg(I, stop, &b))
        return 0;
    int64_t width = b - a;
    if (step && !index_arg(I, step, &st))
        return 0;
    if (st == 1) {
        if (width > 0)
            return sim_int(S, a + (int64_t)random_randbelow(I, (uint64_t)width));
        if (S->prof->version == SIM_V311) {
            py_raise(I, EXC_ValueError, "empty range for randrange() (%lld, %lld, %lld)", (long long)a, (long long)b,
                     (long long)width);
        } else {
            Buf t = {0};
            arg_text(I, start, &t);
            buf_adds(&t, ", ");
            arg_text(I, stop, &t);
            py_raise(I, EXC_ValueError, "empty range in randrange(%s)", buf_str(&t));
            buf_fini(&t);
        }
        return 0;
    }
    int64_t n;
    if (st > 0)
        n = (width + st - 1) / st - ((width + st - 1) % st < 0 && (width + st - 1) % st != 0);
    else if (st < 0)
        n = (width + st + 1) / st - ((width + st + 1) % st > 0);
    else {
        py_raise(I, EXC_ValueError, "zero step for randrange()");
        return 0;
    }
    if (n <= 0) {
        if (S->prof->version == SIM_V311) {
            py_raise(I, EXC_ValueError, "empty range for randrange()");
        } else {
            Buf t = {0};
            arg_text(I, start, &t);
            buf_adds(&t, ", ");
            arg_text(I, stop, &t);
            buf_adds(&t, ", ");
            arg_text(I, step, &t);
            py_raise(I, EXC_ValueError, "empty range in randrange(%s)", buf_str(&t));
            buf_fini(&t);
        }
        return 0;
    }
    return sim_int(S, a + st * (int64_t)random_randbelow(I, (uint64_t)n));
}

SimId random_randrange(PyRun *I, SimId start, SimId stop, SimId step) { return randrange_impl(I, start, stop, step); }

/* randint(a, b): randrange(a, b + 1) */
SimId random_randint(PyRun *I, SimId a, SimId b)
{
    int64_t lo, hi;
    if (!index_arg(I, a, &lo))
        return 0;
    if (sim_kind(S, b) != SK_INT && sim_kind(S, b) != SK_BOOL)
        return py_not_modelled(I, 0, "random.randint() with a bound that is not an int"), (SimId)0;
    if (!index_arg(I, b, &hi))
        return 0;
    SimId stop;
    if (is_big(I, b)) { /* b + 1 in big ints */
        BigInt bb, one, sum;
        big_from_sim(S, b, &bb);
        big_from_i64(&one, 1);
        big_add(&bb, &one, &sum);
        big_free(&bb), big_free(&one);
        stop = big_to_sim(S, &sum);
    } else {
        stop = sim_int(S, hi + 1);
    }
    SimId r = randrange_impl(I, a, stop, 0);
    sim_decref(S, stop);
    return r;
}
