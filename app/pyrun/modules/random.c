/*
 * random: the module-level functions of Lib/random.py over the Mersenne
 * Twister of Modules/_randommodule.c (3.11-3.13), bit for bit: seed(int)
 * feeds init_by_array the 32-bit words of abs(n); random() joins 27 and 26
 * bits; randrange/randint/choice/shuffle/sample draw through
 * _randbelow_with_getrandbits (k = n.bit_length() bits, redrawn while >= n).
 *
 * What the Python layer allocates is replayed for the collector: each
 * _randbelow reads `self.getrandbits` (a bound built-in method, freed at
 * its return); shuffle binds `self._randbelow` once; seed() on 3.11 makes
 * a super object and a bound method (3.12's LOAD_SUPER_ATTR makes
 * neither).  sample() asks isinstance(population, Sequence), whose ABC
 * caches allocate on a first check: the young count is refused after it.
 * Seeds other than None and ints (str, bytes: SHA-512; floats: their hash)
 * and the other distributions are refused.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "pyrun/builtins.h"
#include "pyrun/modules/random_int.h"
#include "pyrun/modules/random_mt.h"
#include "pyrun/modules/std_import.h"
#include "pyrun/modules/tracemalloc.h"
#include "pyrun/types/bigint.h"
#include "pyrun/types/types.h"

#define S (I->sim)
/* ---- arguments -------------------------------------------------------------------- */

/* A method of Random written in Python: its parameters after self, the
 * first nreq required; CPython's TypeErrors for the call, the arguments
 * in order into out (0 where not given). */
static bool py_params(PyRun *I, const char *fn, SimId *a, int n, SimId kw, const char *const *params, int nreq,
                      int nparams, SimId *out)
{
    int np = bi_npos(I, n, kw);
    for (int i = 0; i < nparams; i++)
        out[i] = i < np ? a[i] : 0;
    if (np > nparams) {
        if (nreq == nparams)
            py_raise(I, EXC_TypeError, "Random.%s() takes %d positional arguments but %d were given", fn, nparams + 1,
                     np + 1);
        else
            py_raise(I, EXC_TypeError, "Random.%s() takes from %d to %d positional arguments but %d were given", fn,
                     nreq + 1, nparams + 1, np + 1);
        return false;
    }
    int nk = kw ? (int)sim_obj(S, kw)->len : 0;
    for (int i = 0; i < nk; i++) {
        size_t len;
        const char *w = sim_str_data(S, sim_items(S, kw)[i], &len);
        int p = -1;
        for (int j = 0; j < nparams; j++)
            if (strlen(params[j]) == len && memcmp(params[j], w, len) == 0)
                p = j;
        if (p < 0) {
            py_raise(I, EXC_TypeError, "Random.%s() got an unexpected keyword argument '%.*s'", fn, (int)len, w);
            return false;
        }
        if (out[p]) {
            py_raise(I, EXC_TypeError, "Random.%s() got multiple values for argument '%s'", fn, params[p]);
            return false;
        }
        out[p] = a[np + i];
    }
    int missing = 0;
    for (int i = 0; i < nreq; i++)
        missing += !out[i];
    if (missing) {
        Buf b = {0};
        int seen = 0;
        for (int i = 0; i < nreq; i++) {
            if (out[i])
                continue;
            seen++;
            buf_adds(&b, seen == 1 ? "" : seen == missing ? (missing > 2 ? ", and " : " and ") : ", ");
            buf_addc(&b, '\'');
            buf_adds(&b, params[i]);
            buf_addc(&b, '\'');
        }
        py_raise(I, EXC_TypeError, "Random.%s() missing %d required positional argument%s: %s", fn, missing,
                 missing == 1 ? "" : "s", buf_str(&b));
        buf_fini(&b);
        return false;
    }
    return true;
}

/* ---- the functions ---------------------------------------------------------------- */

static SimId r_random(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)a, (void)kw;
    if (n) {
        py_raise(I, EXC_TypeError, "Random.random() takes no arguments (%d given)", n);
        return 0;
    }
    return sim_float(S, mt_res53(mt_gen(I)));
}

/* the 32-bit words of abs(v), least significant first (at least one) */
static uint32_t *int_words(PyRun *I, SimId v, size_t *nw)
{
    BigInt b;
    big_from_sim(S, v, &b);
    size_t bits = (size_t)b.n * 30;
    size_t n = bits / 32 + 1;
    uint32_t *w = calloc(n, sizeof *w);
    for (int i = 0; i < b.n; i++)
        for (int k = 0; k < 30; k++)
            if (b.d[i] >> k & 1u) {
                size_t bit = (size_t)i * 30 + (size_t)k;
                w[bit / 32] |= 1u << (bit % 32);
            }
    big_free(&b);
    while (n > 1 && w[n - 1] == 0)
        n--;
    *nw = n;
    return w;
}

static SimId r_seed(PyRun *I, SimId *a, int n, SimId kw)
{
    static const char *const params[] = {"a", "version"};
    SimId p[2];
    if (!py_params(I, "seed", a, n, kw, params, 0, 2, p))
        return 0;
    SimId arg = p[0], version = p[1];
    if (version && !(sim_kind(S, version) == SK_INT && sim_obj(S, version)->v.i == 2))
        return py_not_modelled(I, 0, "random.seed() with a version other than 2"), (SimId)0;
    if (arg && sim_kind(S, arg) != SK_STR && sim_kind(S, arg) != SK_BYTES && sim_kind(S, arg) != SK_BYTEARRAY) {
        /* isinstance(a, (type(None), int, float, str, bytes, bytearray)): a
         * tuple built and dropped (into the tuple free list) */
        SimId t = sim_tuple(S, 6);
        for (size_t i = 0; i < 6; i++)
            sim_tuple_set(S, t, i, sim_none(S));
        sim_decref(S, t);
    }
    if (S->prof->version == SIM_V311) { /* super() and the bound super().seed */
        SimId sup = sim_super(S), m = sim_builtin(S, 0, 0);
        sim_decref(S, sup);
        sim_decref(S, m);
    }
    /* what the rest of Random.seed's Python code leaves to the collector
     * (the first seed after a collection counts two more young objects than
     * the later ones, from objects that stay alive) is not replayed */
    if (!I->gc_count_unsure)
        I->count_unsure_what = "random.seed() (its Python code's objects)";
    I->gc_count_unsure = true;
    if (!arg || arg == S->none) { /* from the system's entropy: not reproducible in CPython either */
        free(I->random);
        I->random = NULL;
        mt_gen(I);
        return bi_none(I);
    }
    SimKind k = sim_kind(S, arg);
    if (k != SK_INT && k != SK_BOOL) {
        if (k == SK_FLOAT || k == SK_STR || k == SK_BYTES || k == SK_BYTEARRAY)
            return py_not_modelled(I, 0, "random.seed() of a %s (CPython seeds from its %s)", op_typename(I, arg),
                                   k == SK_FLOAT ? "hash" : "SHA-512 digest"), (SimId)0;
        py_raise(I, EXC_TypeError, S->prof->version <= SIM_V312 ? "The only supported seed types are: None,\n"
                                                                   "int, float, str, bytes, and bytearray."
                                                                 : "The only supported seed types are:\n"
                                                                   "None, int, float, str, bytes, and bytearray.");
        return 0;
    }
    size_t nw;
    uint32_t *w = int_words(I, arg, &nw);
    mt_init_by_array(mt_gen(I), w, nw);
    free(w);
    double z;
    (void)mt_gauss_take(mt_gen(I), &z); /* self.gauss_next = None */
    return bi_none(I);
}

/* random_getrandbits beyond 32 bits: a word array (PyMem_Malloc, held
 * while the int is made), then _PyLong_FromByteArray's int */
static SimId getrandbits_long(PyRun *I, int64_t k)
{
    size_t words = (size_t)((k - 1) / 32 + 1);
    tm_hold(I, 0, words * 4);
    BigInt b;
    mt_randbits_big(mt_gen(I), k, &b);
    SimId r = b.sign ? big_to_sim_request(S, &b, 24 + 4 * (size_t)b.n) : (big_free(&b), sim_int(S, 0));
    tm_hold(I, 0, 0);
    return r;
}

static SimId r_getrandbits(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (n != 1) {
        py_raise(I, EXC_TypeError, "Random.getrandbits() takes exactly one argument (%d given)", n);
        return 0;
    }
    int64_t k;
    if (!bi_int_arg(I, a[0], &k))
        return 0;
    if (k < 0) {
        py_raise(I, EXC_ValueError, "number of bits must be non-negative");
        return 0;
    }
    if (k <= 32)
        return sim_int(S, (int64_t)mt_getrandbits(mt_gen(I), (int)k));
    if (k > (INT64_C(1) << 20))
        return py_not_modelled(I, 0, "random.getrandbits() of more than 2**20 bits"), (SimId)0;
    return getrandbits_long(I, k);
}

static SimId r_randrange(PyRun *I, SimId *a, int n, SimId kw)
{
    static const char *const params[] = {"start", "stop", "step"};
    SimId p[3];
    if (!py_params(I, "randrange", a, n, kw, params, 1, 3, p))
        return 0;
    return random_randrange(I, p[0], p[1], p[2]);
}

static SimId r_randint(PyRun *I, SimId *a, int n, SimId kw)
{
    static const char *const params[] = {"a", "b"};
    SimId p[2];
    if (!py_params(I, "randint", a, n, kw, params, 2, 2, p))
        return 0;
    return random_randint(I, p[0], p[1]);
}

static bool seq_len(PyRun *I, SimId seq, int64_t *len)
{
    SimKind k = sim_kind(S, seq);
    if (k == SK_LIST || k == SK_TUPLE) {
        *len = sim_obj(S, seq)->len;
        return true;
    }
    if (k == SK_STR) {
        *len = sim_obj(S, seq)->cap;
        return true;
    }
    if (k == SK_RANGE) {
        const int64_t *r = (const int64_t *)(const void *)sim_items(S, seq);
        int64_t start = sim_obj(S, seq)->v.i, stop = r[0], step = r[1];
        *len = step > 0 ? (stop > start ? (stop - start + step - 1) / step : 0)
                        : (start > stop ? (start - stop - step - 1) / -step : 0);
        return true;
    }
    return py_not_modelled(I, 0, "random's sequence functions on a %s (the model takes lists, tuples and str)",
                           op_typename(I, seq));
}

static SimId r_choice(PyRun *I, SimId *a, int n, SimId kw)
{
    static const char *const params[] = {"seq"};
    SimId seq;
    if (!py_params(I, "choice", a, n, kw, params, 1, 1, &seq))
        return 0;
    a = &seq;
    int64_t len;
    if (!seq_len(I, a[0], &len))
        return 0;
    if (len == 0) {
        py_raise(I, EXC_IndexError, "Cannot choose from an empty sequence");
        return 0;
    }
    SimId i = sim_int(S, (int64_t)random_randbelow(I, (uint64_t)len));
    SimId r = op_getitem(I, a[0], i);
    sim_decref(S, i);
    return r;
}

static SimId r_shuffle(PyRun *I, SimId *a, int n, SimId kw)
{
    static const char *const params[] = {"x"};
    SimId x;
    if (!py_params(I, "shuffle", a, n, kw, params, 1, 1, &x))
        return 0;
    if (sim_is_subinst(S, x) && (dunder_defines(I, x, "__getitem__") || dunder_defines(I, x, "__setitem__")))
        return py_not_modelled(I, 0, "random.shuffle() of a list whose class defines __getitem__ or __setitem__"),
               (SimId)0;
    if (sim_kind(S, x) != SK_LIST) {
        if (sim_kind(S, x) == SK_TUPLE || sim_kind(S, x) == SK_STR) {
            int64_t len;
            if (seq_len(I, x, &len) && len > 1) /* the first swap's draw comes before its store fails */
                random_randbelow(I, (uint64_t)len);
            py_raise(I, EXC_TypeError, "'%s' object does not support item assignment", op_typename(I, x));
            return 0;
        }
        return py_not_modelled(I, 0, "random.shuffle() of a %s", op_typename(I, x)), (SimId)0;
    }
    SimId bound = sim_method(S, S->none, S->none); /* randbelow = self._randbelow */
    sim_incref(S, S->none);
    sim_incref(S, S->none);
    for (int64_t i = (int64_t)sim_obj(S, x)->len - 1; i >= 1; i--) {
        int64_t j = (int64_t)random_randbelow(I, (uint64_t)i + 1);
        if (i >= (int64_t)sim_obj(S, x)->len || j >= (int64_t)sim_obj(S, x)->len)
            continue; /* a collection's __del__ shortened the list */
        SimId *it = sim_items(S, x), t = it[i];
        it[i] = it[j];
        it[j] = t;
    }
    sim_decref(S, bound);
    return bi_none(I);
}

static SimId r_sample(PyRun *I, SimId *a, int n, SimId kw)
{
    static const char *const params[] = {"population", "k", "counts"};
    SimId p[3];
    if (bi_npos(I, n, kw) > 2) {
        py_raise(I, EXC_TypeError, "Random.sample() takes 3 positional arguments but %d were given",
                 bi_npos(I, n, kw) + 1);
        return 0;
    }
    if (!py_params(I, "sample", a, n, kw, params, 2, 3, p))
        return 0;
    SimId pop = p[0], kv = p[1];
    if (p[2] && p[2] != S->none)
        return py_not_modelled(I, 0, "random.sample() with counts="), (SimId)0;
    SimKind pk = sim_kind(S, pop);
    if (pk == SK_SET || pk == SK_DICT) {
        py_raise(I, EXC_TypeError, "Population must be a sequence.  For dicts or sets, use sorted(d).");
        return 0;
    }
    int64_t len, k;
    if (!seq_len(I, pop, &len) || !bi_int_arg(I, kv, &k))
        return 0;
    if (k < 0 || k > len) {
        py_raise(I, EXC_ValueError, "Sample larger than population or is negative");
        return 0;
    }
    if (!I->gc_count_unsure)
        I->count_unsure_what = "random.sample() (its isinstance(population, Sequence) fills the ABC's caches)";
    I->gc_count_unsure = true;
    int64_t setsize = 21;
    if (k > 5) { /* 4 ** ceil(log(k * 3, 4)) */
        int64_t t = 1;
        while (t < k * 3)
            t *= 4;
        setsize += t;
    }
    SimId result = sim_list(S, (size_t)k); /* [None] * k */
    if (!result) {
        py_no_memory(I);
        return 0;
    }
    for (int64_t i = 0; i < k; i++)
        sim_list_set(S, result, (size_t)i, sim_none(S));
    if (len <= setsize) {
        int64_t *pool = malloc((size_t)(len ? len : 1) * sizeof *pool);
        for (int64_t i = 0; i < len; i++)
            pool[i] = i;
        for (int64_t i = 0; i < k; i++) {
            int64_t j = (int64_t)random_randbelow(I, (uint64_t)(len - i));
            SimId idx = sim_int(S, pool[j]);
            SimId v = op_getitem(I, pop, idx);
            sim_decref(S, idx);
            sim_list_set(S, result, (size_t)i, v);
            pool[j] = pool[len - i - 1];
        }
        free(pool);
    } else {
        uint8_t *seen = calloc((size_t)len, 1);
        for (int64_t i = 0; i < k; i++) {
            int64_t j = (int64_t)random_randbelow(I, (uint64_t)len);
            while (seen[j])
                j = (int64_t)random_randbelow(I, (uint64_t)len);
            seen[j] = 1;
            SimId idx = sim_int(S, j);
            SimId v = op_getitem(I, pop, idx);
            sim_decref(S, idx);
            sim_list_set(S, result, (size_t)i, v);
        }
        free(seen);
    }
    return result;
}

/* The cumulative weights choices() bisects: a new list of weights' running
 * sums (itertools.accumulate), or of cum as given; 0 with the error raised. */
static SimId cumulative(PyRun *I, SimId weights, SimId cum)
{
    SimId src = cum ? cum : weights;
    SimKind k = sim_kind(S, src);
    if ((k == SK_INT || k == SK_BOOL) && !cum) { /* choices(pop, 3): the k meant as a keyword */
        Buf b = {0};
        if (op_repr(I, src, &b))
            py_raise(I, EXC_TypeError, "The number of choices must be a keyword argument: k=%s", b.data);
        buf_fini(&b);
        return 0;
    }
    if (k != SK_LIST && k != SK_TUPLE)
        return py_not_modelled(I, 0, "random.choices() with weights in a %s (the model takes lists and tuples)",
                               op_typename(I, src)), (SimId)0;
    uint32_t n = sim_obj(S, src)->len;
    SimId out = sim_list(S, 0), run = 0;
    for (uint32_t i = 0; i < n; i++) {
        SimId w = sim_items(S, src)[i], next;
        if (cum || !run) {
            next = w;
            sim_incref(S, next);
        } else if (!(next = op_binary(I, OP_ADD, run, w, false))) {
            sim_decref(S, run);
            sim_decref(S, out);
            return 0;
        }
        sim_xdecref(S, run);
        run = next;
        sim_incref(S, run);
        sim_list_append(S, out, run); /* stolen */
    }
    sim_xdecref(S, run);
    return out;
}

/* bisect.bisect(a, x, 0, hi): the first index whose item is greater than x */
static int64_t bisect_right(PyRun *I, SimId a, SimId x, int64_t hi)
{
    int64_t lo = 0;
    while (lo < hi) {
        int64_t mid = (lo + hi) / 2;
        SimId lt = op_compare(I, OP_LT, x, sim_items(S, a)[mid]);
        if (!lt)
            return -1;
        int t = op_truth(I, lt);
        sim_decref(S, lt);
        if (t < 0)
            return -1;
        if (t)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

/* choices(population, weights=None, *, cum_weights=None, k=1) (Lib/random.py):
 * population[floor(random() * n)] k times, or with weights the bisection of
 * random() * total in their running sums. */
static SimId r_choices(PyRun *I, SimId *a, int n, SimId kw)
{
    static const char *const params[] = {"population", "weights", "cum_weights", "k"};
    SimId p[4] = {0};
    int np = bi_npos(I, n, kw);
    if (np > 2) {
        py_raise(I, EXC_TypeError, "Random.choices() takes from 2 to 3 positional arguments but %d were given",
                 np + 1);
        return 0;
    }
    if (!py_params(I, "choices", a, n, kw, params, 1, 4, p))
        return 0;
    SimId pop = p[0], weights = p[1] == S->none ? 0 : p[1], cum = p[2] == S->none ? 0 : p[2];
    int64_t len, k = 1;
    if (!seq_len(I, pop, &len) || (p[3] && !bi_int_arg(I, p[3], &k)))
        return 0;
    if (S->pm.trace) /* the comprehension's frame and the floats it drops */
        tm_note_peak_unsure(I, "random.choices()");
    if (!I->gc_count_unsure)
        I->count_unsure_what = "random.choices() (its list comprehension's objects)";
    I->gc_count_unsure = true;
    SimId cw = 0, total = 0;
    if (weights && cum) {
        py_raise(I, EXC_TypeError, "Cannot specify both weights and cumulative weights");
        return 0;
    }
    if (weights || cum) {
        if (!(cw = cumulative(I, weights, cum)))
            return 0;
        const char *bad = NULL;
        if ((int64_t)sim_obj(S, cw)->len != len)
            bad = "The number of weights does not match the population";
        double t = 0;
        if (!bad) {
            SimId last = sim_items(S, cw)[len - 1];
            SimKind lk = sim_kind(S, last);
            if (lk == SK_FLOAT)
                t = sim_obj(S, last)->v.f;
            else if ((lk == SK_INT || lk == SK_BOOL) && sim_obj(S, last)->sub != 1)
                t = (double)sim_obj(S, last)->v.i;
            else
                bad = "";
            if (bad)
                py_not_modelled(I, 0, "random.choices() with weights that are not ints or floats");
            else if (!(t > 0.0))
                bad = "Total of weights must be greater than zero";
            else if (!isfinite(t))
                bad = "Total of weights must be finite";
        }
        if (bad) {
            if (*bad)
                py_raise(I, EXC_ValueError, "%s", bad);
            sim_decref(S, cw);
            return 0;
        }
        total = sim_float(S, t);
    }
    SimId out = sim_list(S, 0);
    for (int64_t i = 0; i < k; i++) {
        double r = mt_res53(mt_gen(I));
        int64_t at;
        if (!cw) {
            at = (int64_t)floor(r * (double)len);
        } else {
            SimId x = sim_float(S, r * sim_obj(S, total)->v.f);
            at = bisect_right(I, cw, x, len - 1);
            sim_decref(S, x);
        }
        SimId idx = at >= 0 ? sim_int(S, at) : 0;
        SimId v = idx ? op_getitem(I, pop, idx) : 0;
        sim_xdecref(S, idx);
        if (!v) {
            sim_decref(S, out);
            out = 0;
            break;
        }
        sim_list_append(S, out, v); /* stolen */
    }
    sim_xdecref(S, cw);
    sim_xdecref(S, total);
    return out;
}

static SimId r_uniform(PyRun *I, SimId *a, int n, SimId kw)
{
    static const char *const params[] = {"a", "b"};
    SimId p[2];
    if (!py_params(I, "uniform", a, n, kw, params, 2, 2, p))
        return 0;
    a = p;
    /* a + (b - a) * self.random() */
    SimId d = op_binary(I, OP_SUB, a[1], a[0], false);
    if (!d)
        return 0;
    SimId r = sim_float(S, mt_res53(mt_gen(I)));
    SimId m = op_binary(I, OP_MUL, d, r, false);
    sim_decref(S, d);
    sim_decref(S, r);
    if (!m)
        return 0;
    SimId s = op_binary(I, OP_ADD, a[0], m, false);
    sim_decref(S, m);
    return s;
}

/* a float parameter of a distribution (an int or a float; the rest refused) */
static bool real_param(PyRun *I, SimId v, double dflt, double *out)
{
    if (!v) {
        *out = dflt;
        return true;
    }
    SimKind k = sim_kind(S, v);
    if (k == SK_FLOAT)
        *out = sim_obj(S, v)->v.f;
    else if ((k == SK_INT || k == SK_BOOL) && sim_obj(S, v)->sub != 1)
        *out = (double)sim_obj(S, v)->v.i;
    else
        return py_not_modelled(I, 0, "a random distribution's parameter of type '%s'", op_typename(I, v));
    return true;
}

/* the float the method's Python code returns; the floats it makes on the
 * way (and gauss's kept one) are not followed while tracing */
static SimId real_result(PyRun *I, double x, const char *what)
{
    tm_note_unsure(I, what);
    return sim_float(S, x);
}

/* gauss(mu=0.0, sigma=1.0): two random() make a pair, the second kept in
 * gauss_next for the next call (Lib/random.py, libm's cos, sin, log, sqrt) */
static SimId r_gauss(PyRun *I, SimId *a, int n, SimId kw)
{
    static const char *const params[] = {"mu", "sigma"};
    SimId p[2];
    double mu, sigma, z;
    if (!py_params(I, "gauss", a, n, kw, params, 0, 2, p) || !real_param(I, p[0], 0.0, &mu) ||
        !real_param(I, p[1], 1.0, &sigma))
        return 0;
    PyRandom *r = mt_gen(I);
    if (!mt_gauss_take(r, &z)) {
        double x2pi = mt_res53(r) * (2.0 * M_PI);
        double g2rad = sqrt(-2.0 * log(1.0 - mt_res53(r)));
        z = cos(x2pi) * g2rad;
        mt_gauss_keep(r, sin(x2pi) * g2rad);
    }
    return real_result(I, mu + z * sigma, "random.gauss() (the float it keeps for its next call)");
}

/* normalvariate(mu=0.0, sigma=1.0): Kinderman and Monahan's method */
static SimId r_normalvariate(PyRun *I, SimId *a, int n, SimId kw)
{
    static const char *const params[] = {"mu", "sigma"};
    SimId p[2];
    double mu, sigma, z;
    if (!py_params(I, "normalvariate", a, n, kw, params, 0, 2, p) || !real_param(I, p[0], 0.0, &mu) ||
        !real_param(I, p[1], 1.0, &sigma))
        return 0;
    const double magic = 4 * exp(-0.5) / sqrt(2.0); /* NV_MAGICCONST */
    PyRandom *r = mt_gen(I);
    for (;;) {
        double u1 = mt_res53(r), u2 = 1.0 - mt_res53(r);
        z = magic * (u1 - 0.5) / u2;
        if (z * z / 4.0 <= -log(u2))
            break;
    }
    return real_result(I, mu + z * sigma, "random.normalvariate() (its Python code's floats)");
}

/* expovariate(lambd): -log(1.0 - random()) / lambd (3.12+: lambd=1.0) */
static SimId r_expovariate(PyRun *I, SimId *a, int n, SimId kw)
{
    static const char *const params[] = {"lambd"};
    SimId p[1];
    double lambd;
    bool v311 = S->prof->version == SIM_V311;
    if (!py_params(I, "expovariate", a, n, kw, params, v311 ? 1 : 0, 1, p) || !real_param(I, p[0], 1.0, &lambd))
        return 0;
    double u = mt_res53(mt_gen(I)); /* drawn before the division fails */
    if (lambd == 0.0) {
        py_raise(I, EXC_ZeroDivisionError, "float division by zero");
        return 0;
    }
    return real_result(I, -log(1.0 - u) / lambd, "random.expovariate() (its Python code's floats)");
}

/* the methods written in Python check their keywords themselves (py_params) */
#define FN(nm, f) BUILTIN(nm, 0, BM_RANDOM, f, .style = ARGS_OWN, .kw = "*")
const BuiltinDef random_functions[] = {
    BUILTIN("random", 0, BM_RANDOM, r_random, .style = ARGS_OWN),
    BUILTIN("getrandbits", 0, BM_RANDOM, r_getrandbits, .style = ARGS_OWN), FN("seed", r_seed),
    FN("randrange", r_randrange), FN("randint", r_randint), FN("choice", r_choice),
    FN("shuffle", r_shuffle), FN("sample", r_sample), FN("choices", r_choices), FN("uniform", r_uniform),
    FN("gauss", r_gauss), FN("normalvariate", r_normalvariate), FN("expovariate", r_expovariate),
};
const int random_nfunctions = (int)(sizeof random_functions / sizeof random_functions[0]);

void random_module_init(PyRun *I, SimId d) { (void)I, (void)d; }

void random_on_import(PyRun *I) { std_import(I, STD_RANDOM); }
