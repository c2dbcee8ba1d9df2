/*
 * functools_wrap: update_wrapper, wraps and total_ordering, which
 * Lib/functools.py writes in Python, done here with the objects their
 * Python code allocates and drops in its order (the loops' tuple
 * iterators, the `{}` default of getattr, the functions' lazily made
 * __dict__ and __annotations__), so that counts and refcounts stay
 * CPython's.  The comparison methods total_ordering installs are
 * functools' own functions (_gt_from_lt ...), here built-ins.
 */
#include <string.h>

#include "pyrun/builtins.h"
#include "sim/internal.h"
#include "pyrun/modules/functools.h"
#include "pyrun/types/native.h"
#include "pyrun/types/types.h"
#include "sim/gc.h"

#define S (I->sim)

/* functools' module attribute `name` (borrowed), or 0; the module is made
 * if only an import of its own brought it (contextlib's) */
static SimId module_tuple(PyRun *I, const char *name)
{
    SimId m = module_find(I, "functools", 9);
    return m ? sim_dict_get_str(S, SIM_V(S, m, SK_MODULE, module.dict), name) : 0;
}

/* A Python function's argument: by position or keyword, else its default
 * (0 when it has none: the caller raises the missing-argument error). */
static SimId py_arg(PyRun *I, SimId *a, int n, SimId kw, int pos, const char *name, SimId dflt)
{
    SimId v = pos < bi_npos(I, n, kw) ? a[pos] : bi_kwarg(I, a, n, kw, name);
    return v ? v : dflt;
}

static SimId missing(PyRun *I, const char *fn, const char *arg)
{
    py_raise(I, EXC_TypeError, "%s() missing 1 required positional argument: '%s'", fn, arg);
    return 0;
}

/* What goes wrong inside functools.py shows its frames in the traceback,
 * which the model does not have. */
static SimId inside_failed(PyRun *I)
{
    if (I->refused)
        return 0;
    return py_not_modelled(I, 0, "an error raised inside functools.update_wrapper (its traceback shows "
                           "functools.py)"), 0;
}

static bool dict_put(PyRun *I, SimId d, SimId name, SimId value)
{
    sim_incref(S, name);
    sim_incref(S, value);
    sim_dict_set(S, d, name, value);
    return true;
}

SimId ft_update_wrapper(PyRun *I, SimId *a, int n, SimId kw)
{
    if (bi_npos(I, n, kw) > 4) {
        py_raise(I, EXC_TypeError, "update_wrapper() takes from 2 to 4 positional arguments but %d were given",
                 bi_npos(I, n, kw));
        return 0;
    }
    SimId wrapper = py_arg(I, a, n, kw, 0, "wrapper", 0), wrapped = py_arg(I, a, n, kw, 1, "wrapped", 0);
    if (!wrapper)
        return missing(I, "update_wrapper", "wrapper");
    if (!wrapped)
        return missing(I, "update_wrapper", "wrapped");
    SimId assigned = py_arg(I, a, n, kw, 2, "assigned", module_tuple(I, "WRAPPER_ASSIGNMENTS"));
    SimId updated = py_arg(I, a, n, kw, 3, "updated", module_tuple(I, "WRAPPER_UPDATES"));
    SimId tdict = native_dict(I, wrapper); /* lru_cache's and contextmanager's own calls */
    bool lru = tdict != 0;
    if ((sim_kind(S, wrapper) != SK_FUNC && !lru) || (sim_kind(S, wrapped) != SK_FUNC && sim_kind(S, wrapped) != SK_BUILTIN))
        return py_not_modelled(I, 0, "functools.update_wrapper() of a '%s' around a '%s'", op_typename(I, wrapper),
                               op_typename(I, wrapped)), 0;
    SimId it = iter_new(I, assigned), name; /* for attr in assigned */
    if (!it)
        return inside_failed(I);
    int st;
    while ((st = iter_step(I, it, &name)) == 1) {
        SimId value = attr_get(I, wrapped, name);
        if (!value && py_err_matches(I, EXC_AttributeError)) {
            py_err_clear(I);
        } else if (!value || !(lru ? dict_put(I, tdict, name, value) : attr_set(I, wrapper, name, value))) {
            sim_xdecref(S, value);
            sim_decref(S, name);
            st = -1;
            break;
        } else {
            sim_decref(S, value);
        }
        sim_decref(S, name);
    }
    sim_decref(S, it);
    if (st < 0)
        return inside_failed(I);
    it = iter_new(I, updated); /* for attr in updated: getattr(wrapper, attr).update(getattr(wrapped, attr, {})) */
    if (!it)
        return inside_failed(I);
    while ((st = iter_step(I, it, &name)) == 1) {
        SimId target = lru && sim_str_equals(S, name, "__dict__") ? tdict : 0;
        if (target)
            sim_incref(S, target);
        else
            target = attr_get(I, wrapper, name);
        SimId empty = target ? sim_dict(S) : 0;
        SimId src = target ? attr_get(I, wrapped, name) : 0;
        if (target && !src && py_err_matches(I, EXC_AttributeError)) {
            py_err_clear(I);
            src = empty;
            sim_incref(S, src);
        }
        sim_xdecref(S, empty); /* the call's arguments go before update runs */
        bool ok = target && src && sim_kind(S, target) == SK_DICT && sim_kind(S, src) == SK_DICT;
        SimId dup;
        if (ok) {
            bi_args_tuple(I, 1); /* dict.update is METH_VARARGS: its argument packed */
            ok = dict_merge(I, target, src, DICT_MERGE_SET, &dup);
        }
        sim_xdecref(S, src);
        sim_xdecref(S, target);
        sim_decref(S, name);
        if (!ok) {
            st = -1;
            break;
        }
    }
    sim_decref(S, it);
    if (st < 0)
        return inside_failed(I);
    SimId wname = sim_str_intern(S, "__wrapped__", 11);
    bool ok = lru ? dict_put(I, tdict, wname, wrapped) : attr_set(I, wrapper, wname, wrapped);
    sim_decref(S, wname);
    if (!ok)
        return inside_failed(I);
    sim_incref(S, wrapper);
    return wrapper;
}

/* wraps(wrapped, assigned, updated): partial(update_wrapper, wrapped=...,
 * assigned=..., updated=...), made as type_call makes it: the argument
 * tuple, the keyword dict the partial keeps, the partial */
SimId ft_wraps(PyRun *I, SimId *a, int n, SimId kw)
{
    if (bi_npos(I, n, kw) > 3) {
        py_raise(I, EXC_TypeError, "wraps() takes from 1 to 3 positional arguments but %d were given", bi_npos(I, n, kw));
        return 0;
    }
    SimId wrapped = py_arg(I, a, n, kw, 0, "wrapped", 0);
    if (!wrapped)
        return missing(I, "wraps", "wrapped");
    SimId vals[3] = {wrapped, py_arg(I, a, n, kw, 1, "assigned", module_tuple(I, "WRAPPER_ASSIGNMENTS")),
                     py_arg(I, a, n, kw, 2, "updated", module_tuple(I, "WRAPPER_UPDATES"))};
    static const char *const names[3] = {"wrapped", "assigned", "updated"};
    SimId uw = module_tuple(I, "update_wrapper");
    if (!uw)
        return py_not_modelled(I, 0, "functools.wraps() without functools.update_wrapper"), 0;
    SimId args = sim_tuple(S, 1);
    sim_incref(S, uw);
    sim_tuple_set(S, args, 0, uw);
    SimId kwd = sim_dict_presized(S, 3, true);
    for (int i = 0; i < 3; i++) {
        sim_incref(S, vals[i]);
        sim_dict_set(S, kwd, sim_str_intern(S, names[i], strlen(names[i])), vals[i]);
    }
    SimId p = iter_composite(I, SIM_XT_FT_PARTIAL, PT_NREFS, 0, 0, true);
    if (!p) {
        sim_decref(S, args);
        sim_decref(S, kwd);
        return 0;
    }
    SimId *r = sim_iter_refs(S, p);
    sim_incref(S, uw);
    r[PT_FN] = uw;
    sim_incref(S, S->empty_tuple);
    r[PT_ARGS] = S->empty_tuple;
    r[PT_KW] = kwd;
    sim_decref(S, args);
    return p;
}

/* ---- total_ordering ---------------------------------------------------------------------- */

enum { FROM_LT, FROM_LE, FROM_GT, FROM_GE };
static const char *const root_names[4] = {"__lt__", "__le__", "__gt__", "__ge__"};

/* How a derived method combines the root's result r: NOT_R (not r),
 * NOT_R_AND_NE (not r and self != other), R_OR_EQ (r or self == other),
 * NOT_R_OR_EQ (not r or self == other), R_AND_NE (r and self != other). */
enum { NOT_R, NOT_R_AND_NE, R_OR_EQ, NOT_R_OR_EQ, R_AND_NE };

typedef struct Derived {
    const char *opname;
    int root, how;
} Derived;

static const char *const derived_names[12] = {
    "_gt_from_lt", "_le_from_lt", "_ge_from_lt", "_ge_from_le", "_lt_from_le", "_gt_from_le",
    "_lt_from_gt", "_ge_from_gt", "_le_from_gt", "_le_from_ge", "_gt_from_ge", "_lt_from_ge",
};

/* _convert, in its order: root -> [(opname, function)] */
static const Derived derived[12] = {
    {"__gt__", FROM_LT, NOT_R_AND_NE}, {"__le__", FROM_LT, R_OR_EQ}, {"__ge__", FROM_LT, NOT_R},
    {"__ge__", FROM_LE, NOT_R_OR_EQ}, {"__lt__", FROM_LE, R_AND_NE}, {"__gt__", FROM_LE, NOT_R},
    {"__lt__", FROM_GT, NOT_R_AND_NE}, {"__ge__", FROM_GT, R_OR_EQ}, {"__le__", FROM_GT, NOT_R},
    {"__le__", FROM_GE, NOT_R_OR_EQ}, {"__gt__", FROM_GE, R_AND_NE}, {"__lt__", FROM_GE, NOT_R},
};

static SimId derived_call(PyRun *I, int k, SimId *a, int n)
{
    if (n != 2) /* read through an instance the model gives no bound method */
        return py_not_modelled(I, 0, "a total_ordering method called through an instance's attribute"), 0;
    SimId self = a[0], other = a[1];
    SimId rootfn = sim_type_lookup(S, sim_type_of(S, self), root_names[derived[k].root]);
    if (!rootfn)
        return py_not_modelled(I, 0, "a total_ordering method on a class without its root"), 0;
    SimId args[2] = {self, other};
    SimId r = vm_call(I, rootfn, args, 2); /* type(self).__lt__(self, other) */
    if (!r || r == S->notimpl)
        return r;
    int t = op_truth(I, r);
    if (t < 0) {
        sim_decref(S, r);
        return 0;
    }
    switch (derived[k].how) {
    case NOT_R: /* not r */
        sim_decref(S, r);
        return sim_bool(S, !t);
    case NOT_R_AND_NE: /* not r and self != other */
        sim_decref(S, r);
        return t ? sim_bool(S, false) : op_compare(I, OP_NE, self, other);
    case R_AND_NE: /* r and self != other */
        if (!t)
            return r;
        sim_decref(S, r);
        return op_compare(I, OP_NE, self, other);
    case R_OR_EQ: /* r or self == other */
        if (t)
            return r;
        sim_decref(S, r);
        return op_compare(I, OP_EQ, self, other);
    default: /* not r or self == other */
        sim_decref(S, r);
        return !t ? sim_bool(S, true) : op_compare(I, OP_EQ, self, other);
    }
}

#define DERIVED_FN(k) \
    SimId ft_derived_##k(PyRun *I, SimId *a, int n, SimId kw) { (void)kw; return derived_call(I, k, a, n); }
DERIVED_FN(0) DERIVED_FN(1) DERIVED_FN(2) DERIVED_FN(3) DERIVED_FN(4) DERIVED_FN(5)
DERIVED_FN(6) DERIVED_FN(7) DERIVED_FN(8) DERIVED_FN(9) DERIVED_FN(10) DERIVED_FN(11)

bool functools_is_ordering(PyRun *I, SimId m)
{
    if (sim_kind(S, m) != SK_BUILTIN || sim_obj(S, m)->v.builtin.self)
        return false;
    const BuiltinDef *d = bi_def(sim_obj(S, m)->v.builtin.index);
    return d && d->module == BM_FUNCTOOLS && d->name[0] == '_' && strstr(d->name, "_from_");
}

/* the GC objects total_ordering's own code makes and drops, as counts:
 * 3.11's comprehension function, the dict's key iterator and the set;
 * max()'s set iterator; the loop's list iterator */
static void ordering_traffic(PyRun *I, bool before)
{
    if (before) {
        int peak = S->prof->version == SIM_V311 ? 3 : 2;
        gc_note_foreign(S, (unsigned)peak, 0);
        for (int i = 0; i < peak - 1; i++) /* all but the set */
            sim__gc_on_free(S);
        gc_note_foreign(S, 1, 0); /* max(roots)'s iterator */
        sim__gc_on_free(S);
        gc_note_foreign(S, 1, 0); /* for opname, opfunc in _convert[root] */
    } else {
        sim__gc_on_free(S); /* the list iterator */
        sim__gc_on_free(S); /* roots, at the return */
    }
}

SimId ft_total_ordering(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    SimId cls = a[0];
    if (sim_kind(S, cls) != SK_TYPE || sim_obj(S, cls)->sub != SK_INSTANCE)
        return py_not_modelled(I, 0, "functools.total_ordering() of a built-in type"), 0;
    bool roots[4];
    int root = -1;
    for (int r = 0; r < 4; r++) {
        SimId m = sim_type_lookup(S, cls, root_names[r]);
        roots[r] = m != 0 && !functools_is_ordering(I, m);
        if (m && !roots[r])
            roots[r] = true; /* an inherited total_ordering method counts as defined */
        if (roots[r] && root < 0)
            root = r;
    }
    if (root < 0) {
        py_raise(I, EXC_ValueError, "must define at least one ordering operation: < > <= >=");
        return 0;
    }
    /* max(roots): the greatest name, '__lt__' > '__le__' > '__gt__' > '__ge__' */
    static const int by_name[4] = {FROM_LT, FROM_LE, FROM_GT, FROM_GE};
    for (int i = 0; i < 4; i++)
        if (roots[by_name[i]]) {
            root = by_name[i];
            break;
        }
    ordering_traffic(I, true);
    for (int k = 0; k < 12; k++) {
        if (derived[k].root != root)
            continue;
        int want = -1;
        for (int r = 0; r < 4; r++)
            if (strcmp(root_names[r], derived[k].opname) == 0)
                want = r;
        if (want < 0 || roots[want]) /* every derived name is a root name: want is set */
            continue;
        SimId fn = module_tuple(I, derived_names[k]); /* the module's own function, shared */
        if (!fn)
            return py_not_modelled(I, 0, "functools.total_ordering() here"), 0;
        sim_incref(S, fn);
        SimId nm = sim_str_intern(S, derived[k].opname, strlen(derived[k].opname));
        bool ok = attr_set(I, cls, nm, fn);
        sim_decref(S, nm);
        sim_decref(S, fn);
        if (!ok)
            return 0;
    }
    ordering_traffic(I, false);
    sim_incref(S, cls);
    return cls;
}

/* WRAPPER_ASSIGNMENTS and WRAPPER_UPDATES */
void ft_wrap_init(PyRun *I, SimId d)
{
    static const char *const assigned[] = {"__module__", "__name__", "__qualname__", "__doc__", "__annotations__",
                                           "__type_params__"};
    size_t na = S->prof->version == SIM_V311 ? 5 : 6;
    SimId t = sim_tuple(S, na);
    for (size_t i = 0; i < na; i++)
        sim_tuple_set(S, t, i, sim_str_intern(S, assigned[i], strlen(assigned[i])));
    bi_dict_put(I, d, "WRAPPER_ASSIGNMENTS", t);
    t = sim_tuple(S, 1);
    sim_tuple_set(S, t, 0, sim_str_intern(S, "__dict__", 8));
    bi_dict_put(I, d, "WRAPPER_UPDATES", t);
}
