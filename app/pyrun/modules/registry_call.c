/*
 * registry_call: calling a built-in by its global index — the arity and
 * keywords its definition declares checked first, a built-in type called
 * as its constructor, the refusals a definition carries.
 */
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/gc_timing.h"
#include "pyrun/modules/itertools.h"
#include "pyrun/modules/registry_int.h"
#include "pyrun/vm_argcopy.h"

#define S (I->sim)
#define qname registry_qname

static bool word_in(const char *list, const char *w, size_t n)
{
    for (const char *p = list; p && *p;) {
        size_t len = strcspn(p, " ");
        if (len == n && memcmp(p, w, n) == 0)
            return true;
        p += len;
        p += *p == ' ';
    }
    return false;
}


static int word_count(const char *list)
{
    int c = 0;
    for (const char *p = list; p && *p; c++)
        p += strcspn(p, " "), p += strspn(p, " ");
    return c;
}

/* The position of w among the words, or -1. */
static int word_at(const char *list, const char *w, size_t n)
{
    int i = 0;
    for (const char *p = list; p && *p; i++) {
        size_t len = strcspn(p, " ");
        if (len == n && memcmp(p, w, n) == 0)
            return i;
        p += len;
        p += strspn(p, " ");
    }
    return -1;
}

/* _PyArg_UnpackKeywords' checks of an Argument Clinic parser whose
 * parameters the definition names ("id:a b", "/" for a positional-only
 * one), in its order: too many in all, a required one missing, one given
 * twice. False with the TypeError raised. */
static bool check_clinic(PyRun *I, const BuiltinDef *d, int np, SimId kw)
{
    const char *names = strchr(d->clinic, ':') + 1;
    int nkw = kw ? (int)sim_obj(S, kw)->len : 0, maxargs = word_count(names);
    if (nkw == 0)
        return true;
    if (np + nkw > maxargs) {
        py_raise(I, EXC_TypeError, "%s() takes at most %d %sargument%s (%d given)", d->name, maxargs,
                 np == 0 ? "keyword " : "", maxargs == 1 ? "" : "s", np + nkw);
        return false;
    }
    const char *p = names;
    for (int i = 0; i < d->min && *p; i++) {
        size_t len = strcspn(p, " ");
        bool given = i < np;
        for (int k = 0; !given && k < nkw; k++) {
            size_t n;
            const char *w = sim_str_data(S, sim_items(S, kw)[k], &n);
            given = n == len && memcmp(w, p, n) == 0;
        }
        if (!given) {
            py_raise(I, EXC_TypeError, "%s() missing required argument '%.*s' (pos %d)", d->name, (int)len, p, i + 1);
            return false;
        }
        p += len;
        p += strspn(p, " ");
    }
    for (int k = 0; k < nkw; k++) {
        size_t n;
        const char *w = sim_str_data(S, sim_items(S, kw)[k], &n);
        int at = word_at(names, w, n);
        if (at >= 0 && at < np) {
            py_raise(I, EXC_TypeError, "argument for %s() given by name ('%.*s') and position (%d)", d->name, (int)n,
                     w, at + 1);
            return false;
        }
    }
    return true;
}

/* CPython's TypeError for a keyword the function does not take (3.13: with
 * the nearest of its keywords) */
static void unexpected_keyword(PyRun *I, const BuiltinDef *d, const char *w, size_t n)
{
    const char *fn = d->kw_fn ? d->kw_fn : d->name;
    char near[64];
    if (S->prof->version <= SIM_V312) /* 3.13 rewords it */
        py_raise(I, EXC_TypeError, "'%.*s' is an invalid keyword argument for %s()", (int)n, w, fn);
    else if (d->kw && strcmp(d->kw, "*") != 0 && suggest_keyword(d->kw, w, n, near, sizeof near))
        py_raise(I, EXC_TypeError, "%s() got an unexpected keyword argument '%.*s'. Did you mean '%s'?", fn, (int)n,
                 w, near);
    else if (d->kw_refused && strcmp(d->kw_refused, "*") != 0 &&
             suggest_keyword(d->kw_refused, w, n, near, sizeof near))
        py_raise(I, EXC_TypeError, "%s() got an unexpected keyword argument '%.*s'. Did you mean '%s'?", fn, (int)n,
                 w, near);
    else
        py_raise(I, EXC_TypeError, "%s() got an unexpected keyword argument '%.*s'", fn, (int)n, w);
}

static bool check_arity(PyRun *I, const BuiltinDef *d, int np, int nkw);

/* The arity and keywords a definition declares, checked before it runs. */
static bool check_call(PyRun *I, const BuiltinDef *d, int nargs, SimId kw)
{
    char q[64] = ""; /* qname() fills it for a message: most calls need none */
    int nkw = kw ? (int)sim_obj(S, kw)->len : 0;
    int np = nargs - nkw - (d->owner ? 1 : 0);
    if (nkw && d->kw_profiles && !(d->kw_profiles & (1u << S->prof->version))) {
        py_raise(I, EXC_TypeError, "%s() takes no keyword arguments", d->kw_fn ? d->kw_fn : qname(d, q, sizeof q));
        return false;
    }
    if (nkw && d->clinic && d->style == ARGS_CLINIC && !check_clinic(I, d, np, kw))
        return false;
    if (nkw && d->kw_late)
        return true; /* its own code counts them first, then checks the names */
    return registry_keywords_ok(I, d, kw) && check_arity(I, d, np, nkw);
}

bool registry_keywords_ok(PyRun *I, const BuiltinDef *d, SimId kw)
{
    char q[64] = "";
    int nkw = kw ? (int)sim_obj(S, kw)->len : 0;
    for (int i = 0; i < nkw; i++) {
        size_t n;
        const char *w = sim_str_data(S, sim_items(S, kw)[i], &n);
        if (word_in(d->kw, w, n) || (d->kw && strcmp(d->kw, "*") == 0))
            continue;
        if (word_in(d->kw_refused, w, n) || (d->kw_refused && strcmp(d->kw_refused, "*") == 0))
            return py_not_modelled(I, 0, "the keyword argument '%.*s' of %s()", (int)n, w, qname(d, q, sizeof q));
        if (!d->kw && !d->kw_refused)
            py_raise(I, EXC_TypeError, "%s() takes no keyword arguments", d->kw_fn ? d->kw_fn : qname(d, q, sizeof q));
        else
            unexpected_keyword(I, d, w, n);
        return false;
    }
    return true;
}

/* the positional count of the styles that declare one */
static bool check_arity(PyRun *I, const BuiltinDef *d, int np, int nkw)
{
    char q[64] = "";
    if (d->style == ARGS_NONE && np != 0) {
        py_raise(I, EXC_TypeError, "%s() takes no arguments (%d given)", qname(d, q, sizeof q), np);
        return false;
    }
    if (d->style == ARGS_ONE && np != 1) {
        py_raise(I, EXC_TypeError, "%s() takes exactly one argument (%d given)", qname(d, q, sizeof q), np);
        return false;
    }
    bool few = np < d->min && !(nkw && d->clinic && d->style == ARGS_CLINIC), many = d->max >= 0 && np > d->max;
    if ((d->style == ARGS_RANGE || d->style == ARGS_CLINIC) && (few || many)) {
        int want = few ? d->min : d->max;
        const char *how = d->min == d->max ? "" : few ? "at least " : "at most ";
        const char *names = d->clinic ? strchr(d->clinic, ':') + 1 : NULL;
        for (int i = 0; names && i < np; i++) /* the first parameter not given */
            names += strcspn(names, " "), names += strspn(names, " ");
        if (d->style == ARGS_CLINIC && few && names && *names) /* a parameter with a name */
            py_raise(I, EXC_TypeError, "%s() missing required argument '%.*s' (pos %d)", d->name,
                     (int)strcspn(names, " "), names, np + 1);
        else if (d->style == ARGS_RANGE)
            py_raise(I, EXC_TypeError, "%s expected %s%d argument%s, got %d", d->name, how, want,
                     want == 1 ? "" : "s", np);
        else
            py_raise(I, EXC_TypeError, "%s() takes %s%d argument%s (%d given)", d->name, how, want,
                     want == 1 ? "" : "s", np);
        return false;
    }
    return true;
}

/* The builtins-module function a built-in iterator type is called as
 * (enumerate, zip, map, filter, reversed), or -1 when it cannot be called. */
static int iter_type_def(PyRun *I, SimId type)
{
    const char *name = sim_type_obj_name(S, type);
    for (int i = 0; name && i < function_ndefs; i++)
        if (strcmp(function_defs[i].name, name) == 0)
            return i;
    int k = name ? itertools_def_of(name) : -1;
    if (k >= 0)
        return bi_index_of(&itertools_functions[k]);
    if (name && strcmp(name, "_io.BytesIO") == 0) /* io's */
        name++;
    for (int m = 0; name && py_modules[m].name; m++) { /* "operator.itemgetter", "functools.partial" */
        size_t len = strlen(py_modules[m].name);
        if (strncmp(name, py_modules[m].name, len) != 0 || name[len] != '.')
            continue;
        for (int i = 0; i < *py_modules[m].nfunctions; i++)
            if (!py_modules[m].functions[i].owner && strcmp(py_modules[m].functions[i].name, name + len + 1) == 0)
                return registry_module_base(m) + i;
    }
    return -1;
}

SimId builtins_call(PyRun *I, uint32_t index, SimId self, SimId *args, int nargs, SimId kw)
{
    if (nargs > 0 && sim_in_slab(S, args)) { /* a tuple's items: copied, the call may move them */
        ArgCopy c;
        SimId r = builtins_call(I, index, self, argcopy(&c, 0, args, nargs), nargs, kw);
        argcopy_free(&c);
        return r;
    }
    I->ts->ex_args = I->ts->call_ex;
    I->ts->call_ex = 0;
    if ((index & 0xffff0000u) == 0xffff0000u) {
        bool xtype = self && sim_kind(S, self) == SK_TYPE && sim_obj(S, self)->cap > SIM_XT_NONE &&
                     sim_obj(S, self)->sub != SK_INSTANCE;
        if (((index & 0xffu) == SK_ITER || xtype) && self) { /* enumerate(...), zip(...), frozenset(...) */
            int i = iter_type_def(I, self);
            if (i >= 0)
                index = (uint32_t)i;
            else {
                py_raise(I, EXC_TypeError, "cannot create '%s' instances", sim_type_obj_name(S, self));
                return 0;
            }
        } else {
            return type_construct(I, (int)(index & 0xffu), args, nargs, kw);
        }
    }
    (void)self;
    const BuiltinDef *d = bi_def(index);
    if (!d) {
        py_raise(I, EXC_SystemError, "bad builtin");
        return 0;
    }
    if (S->gc.timing_exposed)
        gc_timing_call(I, d);
    if (I->order_watch && !I->order_watch(I, d))
        return 0;
    if (d->refused) { /* a name CPython has, listed so that calling it is refused */
        char q[96] = "";
        const char *name = qname(d, q, sizeof q);
        if (name[0] == '_' && d->module && !d->owner) /* "heapq.merge", not its C module's "_heapq" */
            name++;
        return py_not_modelled(I, 0, "'%s'%s%s%s", name, d->why ? " (" : "", d->why ? d->why : "", d->why ? ")" : ""),
               (SimId)0;
    }
    if (!self && d->owner && !registry_unbound_self_ok(I, d, args, nargs, kw))
        return 0;
    if (!check_call(I, d, nargs, kw))
        return 0;
    if (d->module == BM_WEAKREF && d->owner)
        weakref_first_call(I, d);
    I->bi_bound = self != 0;
    I->bi_called = d;
    if (kw && d->clinic)
        bi_clinic_kwtuple(I, d->clinic);
    TpArgs packed = {0, 0};
    if (d->varargs & (1u << S->prof->version)) { /* cfunction_call / method_vectorcall_VARARGS */
        int skip = d->owner ? 1 : 0;
        packed = tp_args(I, args + skip, nargs - skip, kw);
    }
    SimId r = tp_args_done(I, &packed, d->fn(I, args, nargs, kw));
    if (I->ts->wait_nested) /* it blocked where the thread waits for the others itself */
        r = vm_wait_call(I, r);
    if (!r && I->ts->err.set && !I->refused && !I->err_library && (I->err_library = bi_python_library(d))) {
        I->err_library_line = py_current_line(I);
        I->err_library_tb = true;
    }
    if (r && I->ts->err.set) { /* a program's __eq__ raised in a lookup it made (sim/userkey.h) */
        sim_decref(S, r);
        return 0;
    }
    return r;
}
