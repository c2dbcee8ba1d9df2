/*
 * reprlib: reprlib.repr, the module's Repr() instance's method, with its
 * limits (maxlevel 6; maxtuple, maxlist, maxset, maxfrozenset, maxdeque 6;
 * maxarray 5; maxdict 4; maxstring, maxother 30; maxlong 40) and its
 * dispatch by type name as Lib/reprlib.py writes it: containers cut after
 * their limit with '...', dicts and sets sorted when their items compare,
 * strings and other reprs cut in the middle. CPython runs that as Python
 * code whose allocations the model does not replay: after a call the young
 * count is unsure (refused) until a gc.collect(). The Repr class is
 * reprlib_class.c (its limits reach here); recursive_repr is refused.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "pyrun/builtins.h"
#include "pyrun/modules/reprlib_int.h"
#include "pyrun/modules/std_import.h"
#include "pyrun/types/str_int.h"
#include "pyrun/types/types.h"

#define S (I->sim)

static const ReprLimits defaults = {6, 6, 6, 5, 4, 6, 6, 6, 30, 40, 30}; /* Repr()'s */

static bool repr1(PyRun *I, const ReprLimits *L, SimId x, int64_t level, Buf *out);

/* i = max(0, (max-3)//2), j = max(0, max-3-i): the ends a cut keeps */
static void ends(int64_t max, size_t *i, size_t *j)
{
    int64_t a = max - 3 >= 0 ? (max - 3) / 2 : 0, b = max - 3 - a;
    *i = (size_t)a;
    *j = (size_t)(b > 0 ? b : 0);
}

/* the code points of out from `from` (a malloc'd array, *count of them) */
static uint32_t *code_points(Buf *out, size_t from, size_t *count)
{
    size_t n = out->len - from;
    const char *d = buf_str(out) + from;
    uint32_t *cp = malloc((n + 1) * sizeof *cp);
    *count = 0;
    for (size_t at = 0; at < n;)
        at += utf8_decode(d + at, n - at, &cp[(*count)++]);
    return cp;
}

/* s[:i] + '...' + s[len(s)-j:] on the text of out from `from` */
static void cut(Buf *out, size_t from, size_t i, size_t j)
{
    size_t count;
    uint32_t *cp = code_points(out, from, &count);
    Buf b = {0};
    char u[4];
    for (size_t k = 0; k < i && k < count; k++)
        buf_add(&b, u, utf8_encode(cp[k], u));
    buf_adds(&b, "...");
    for (size_t k = count > j ? count - j : 0; k < count; k++)
        buf_add(&b, u, utf8_encode(cp[k], u));
    out->len = from;
    buf_add(out, buf_str(&b), b.len);
    buf_fini(&b);
    free(cp);
}

/* repr_int and repr_instance: cut in the middle when longer than max */
static void cut_middle(Buf *out, size_t from, int64_t max)
{
    size_t count, i, j;
    free(code_points(out, from, &count));
    ends(max, &i, &j);
    if ((int64_t)count > max)
        cut(out, from, i, j);
}

/* repr_str: the repr of the first maxstring characters; when longer than
 * maxstring, the repr of x[:i] + x[len(x)-j:] cut to its ends */
static bool repr_str(PyRun *I, const ReprLimits *L, SimId x, Buf *out)
{
    size_t n, count, max = (size_t)L->string;
    uint32_t *cp = str_decode(I, x, &n);
    size_t from = out->len;
    SimId head = str_encode(I, cp, n < max ? n : max, false);
    bool ok = op_repr(I, head, out);
    sim_decref(S, head);
    if (ok)
        free(code_points(out, from, &count));
    if (ok && count > max) {
        size_t i, j;
        ends(L->string, &i, &j);
        int64_t tail = (int64_t)n - (int64_t)j; /* x[len(x)-j:], a negative start counted from the end */
        if (tail < 0)
            tail += (int64_t)n;
        if (tail < 0)
            tail = 0;
        size_t hi = i < n ? i : n, m = hi + (n - (size_t)tail);
        uint32_t *both = malloc((m + 1) * sizeof *both);
        memcpy(both, cp, hi * sizeof *cp);
        memcpy(both + hi, cp + tail, (n - (size_t)tail) * sizeof *cp);
        SimId joined = str_encode(I, both, m, false);
        free(both);
        out->len = from;
        ok = op_repr(I, joined, out);
        sim_decref(S, joined);
        if (ok)
            cut(out, from, i, j);
    }
    free(cp);
    return ok;
}

/* _possibly_sorted: sorted(x) when its items compare, else list(x) */
static SimId possibly_sorted(PyRun *I, SimId x)
{
    SimId l = bi_list_from(I, x);
    if (!l)
        return 0;
    if (!bi_sort_list(I, l, 0, false)) {
        if (I->refused) {
            sim_decref(S, l);
            return 0;
        }
        py_err_clear(I); /* except Exception: list(x), in its own order */
        sim_decref(S, l);
        l = bi_list_from(I, x);
    }
    return l;
}

/* _repr_iterable over the items of list `items` (n: len(x)) */
static bool repr_items(PyRun *I, const ReprLimits *L, SimId items, size_t n, int64_t level, const char *left,
                       const char *right, size_t maxiter, const char *trail, Buf *out)
{
    buf_adds(out, left);
    if (level <= 0 && n) {
        buf_adds(out, "...");
    } else {
        uint32_t cnt = sim_obj(S, items)->len;
        for (uint32_t i = 0; i < cnt && i < maxiter; i++) {
            if (i)
                buf_adds(out, ", ");
            if (!repr1(I, L, sim_items(S, items)[i], level - 1, out))
                return false;
        }
        if (n > maxiter)
            buf_adds(out, ", ...");
        if (n == 1 && trail)
            buf_adds(out, trail);
    }
    buf_adds(out, right);
    return true;
}

static bool repr_dict(PyRun *I, const ReprLimits *L, SimId x, int64_t level, Buf *out)
{
    size_t n = sim_obj(S, x)->len;
    if (n == 0 || level <= 0) {
        buf_adds(out, n == 0 ? "{}" : "{...}");
        return true;
    }
    SimId keys = possibly_sorted(I, x);
    if (!keys)
        return false;
    buf_addc(out, '{');
    bool ok = true;
    for (uint32_t i = 0; ok && i < sim_obj(S, keys)->len && i < (uint64_t)L->dict; i++) {
        SimId k = sim_items(S, keys)[i];
        if (i)
            buf_adds(out, ", ");
        ok = repr1(I, L, k, level - 1, out);
        SimId v = ok ? op_getitem(I, x, k) : 0;
        if (ok && !v)
            ok = false;
        if (ok) {
            buf_adds(out, ": ");
            ok = repr1(I, L, v, level - 1, out);
        }
        sim_xdecref(S, v);
    }
    if (ok && n > (uint64_t)L->dict)
        buf_adds(out, ", ...");
    buf_addc(out, '}');
    sim_decref(S, keys);
    return ok;
}

/* the type name repr1 dispatches on, for the kinds with a repr_ method */
static const char *dispatch_name(PyRun *I, SimId x)
{
    if (sim_is_subinst(S, x))
        return NULL;
    switch (sim_kind(S, x)) {
    case SK_TUPLE: return "tuple";
    case SK_LIST: return "list";
    case SK_ARRAY: return "array";
    case SK_SET: return sim_obj(S, x)->sub == SIM_SET_FROZEN ? "frozenset" : "set";
    case SK_DEQUE: return "deque";
    case SK_DICT: return "dict";
    case SK_STR: return "str";
    case SK_INT: return "int";
    default: return NULL;
    }
}

static bool repr1(PyRun *I, const ReprLimits *L, SimId x, int64_t level, Buf *out)
{
    const char *tn = dispatch_name(I, x);
    if (!tn && sim_kind(S, x) == SK_INSTANCE) {
        static const char *const names[] = {"tuple", "list", "array", "set", "frozenset", "deque", "dict", "str", "int"};
        const char *cls = op_typename(I, x);
        for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
            if (strcmp(cls, names[i]) == 0)
                return py_not_modelled(I, 0, "reprlib.repr() of an instance of a class named '%s'", cls);
    }
    if (tn && (strcmp(tn, "str") == 0))
        return repr_str(I, L, x, out);
    if (tn && strcmp(tn, "dict") == 0)
        return repr_dict(I, L, x, level, out);
    if (tn && strcmp(tn, "int") != 0) {
        size_t n = sim_obj(S, x)->len;
        bool set = sim_kind(S, x) == SK_SET, frozen = set && strcmp(tn, "frozenset") == 0;
        if (set && n == 0) {
            buf_adds(out, frozen ? "frozenset()" : "set()");
            return true;
        }
        char head[32];
        const char *left = "(", *right = ")", *trail = NULL;
        int64_t max = L->deque;
        if (sim_kind(S, x) == SK_TUPLE) {
            trail = ",", max = L->tuple;
        } else if (sim_kind(S, x) == SK_LIST) {
            left = "[", right = "]", max = L->list;
        } else if (sim_kind(S, x) == SK_ARRAY) {
            char c = (char)sim_obj(S, x)->sub; /* its typecode */
            if (n == 0) {
                buf_printf(out, "array('%c')", c);
                return true;
            }
            snprintf(head, sizeof head, "array('%c', [", c);
            left = head, right = "])", max = L->array;
        } else if (set) {
            left = frozen ? "frozenset({" : "{", right = frozen ? "})" : "}", max = frozen ? L->frozenset : L->set;
        } else { /* deque */
            left = "deque([", right = "])";
        }
        SimId items = set ? possibly_sorted(I, x) : bi_list_from(I, x);
        if (!items)
            return false;
        bool ok = repr_items(I, L, items, n, level, left, right, (size_t)max, trail, out);
        sim_decref(S, items);
        return ok;
    }
    size_t from = out->len;
    if (!op_repr(I, x, out))
        return !I->ts->err.set ? false
                           : py_not_modelled(I, 0, "reprlib.repr() of an object whose repr raises (its id in the text)");
    cut_middle(out, from, tn ? L->lng : L->other); /* repr_int, repr_instance */
    return true;
}

SimId reprlib_repr1(PyRun *I, const ReprLimits *L, SimId x, int64_t level)
{
    I->gc_count_unsure = true; /* Lib/reprlib.py's frames, lists and slices: not replayed */
    I->count_unsure_what = "a reprlib.repr() call";
    Buf b = {0};
    if (!repr1(I, L, x, level, &b)) {
        buf_fini(&b);
        return 0;
    }
    SimId r = sim_str(S, buf_str(&b), b.len);
    buf_fini(&b);
    return r;
}

static SimId rl_repr(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return reprlib_repr1(I, &defaults, a[0], defaults.level);
}

const BuiltinDef reprlib_functions[] = {
    BUILTIN("repr", 0, BM_REPRLIB, rl_repr, .style = ARGS_ONE),
    /* the Repr class's methods (reprlib_class.c; no module attributes) */
    BUILTIN("__init__", SK_INSTANCE, BM_REPRLIB, rc_init, .kw = "*"),
    BUILTIN("repr", SK_INSTANCE, BM_REPRLIB, rc_repr),
    BUILTIN("repr1", SK_INSTANCE, BM_REPRLIB, rc_repr1),
    BUILTIN("repr_tuple", SK_INSTANCE, BM_REPRLIB, rc_inner, .kw = "*"),
};
const int reprlib_nfunctions = (int)(sizeof reprlib_functions / sizeof reprlib_functions[0]);

void reprlib_module_init(PyRun *I, SimId d) { reprlib_class_init(I, d); }

void reprlib_on_import(PyRun *I) { std_import(I, STD_REPRLIB); }
