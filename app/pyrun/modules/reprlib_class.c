/*
 * reprlib_class: reprlib.Repr (Lib/reprlib.py), a Python class whose
 * instances keep their limits as attributes in their __dict__ — 3.11's
 * __init__ takes no arguments and sets maxlevel, maxtuple, maxlist,
 * maxarray, maxdict, maxset, maxfrozenset, maxdeque, maxstring, maxlong,
 * maxother; 3.12 and 3.13 take them (and fillvalue, indent) as keywords
 * and set fillvalue and indent last. The instance is the model's own
 * (sizes, __dict__, refcounts as a Python class's); repr() and repr1()
 * read the limits when they are called, as the Python code does, and run
 * reprlib.c's dispatch with them. Refused: a limit that is not an int of
 * 0 or more, a fillvalue other than '...', an indent, a subclass's own
 * repr_ methods, and calling the repr_ methods directly.
 */
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/modules/reprlib_int.h"
#include "pyrun/types/types.h"

#define S (I->sim)

static const char *const limit_names[] = {"maxlevel", "maxtuple", "maxlist", "maxarray", "maxdict", "maxset",
                                          "maxfrozenset", "maxdeque", "maxstring", "maxlong", "maxother"};
static const int64_t limit_defaults[] = {6, 6, 6, 5, 4, 6, 6, 6, 30, 40, 30};
enum { NLIMITS = sizeof limit_names / sizeof limit_names[0] };

/* the methods Lib/reprlib.py's Repr has besides __init__, repr and repr1 */
static const char *const inner[] = {"repr_tuple", "repr_list", "repr_array", "repr_set", "repr_frozenset",
                                    "repr_deque", "repr_dict", "repr_str", "repr_int", "repr_instance",
                                    "_repr_iterable", "_join"};

static SimId repr_class(PyRun *I)
{
    SimId m = module_find_loaded(I, "reprlib");
    return m ? sim_dict_get_str(S, SIM_V(S, m, SK_MODULE, module.dict), "Repr") : 0;
}

bool reprlib_owns(PyRun *I, SimId cls)
{
    SimId base = repr_class(I);
    return base && sim_kind(S, cls) == SK_TYPE && sim_is_subtype(S, cls, base);
}

static bool set_str(PyRun *I, SimId self, const char *name, SimId v) /* steals v */
{
    SimId k = sim_str_intern(S, name, strlen(name));
    bool ok = attr_set(I, self, k, v);
    sim_decref(S, k);
    sim_decref(S, v);
    return ok;
}

SimId rc_init(PyRun *I, SimId *a, int n, SimId kw)
{
    int nk = kw ? (int)sim_obj(S, kw)->len : 0, np = n - nk - 1;
    bool v311 = S->prof->version == SIM_V311;
    if (np > 0) {
        py_raise(I, EXC_TypeError, "Repr.__init__() takes 1 positional argument but %d were given", np + 1);
        return 0;
    }
    if (nk && v311) {
        size_t len;
        const char *w = sim_str_data(S, sim_items(S, kw)[0], &len);
        py_raise(I, EXC_TypeError, "Repr.__init__() got an unexpected keyword argument '%.*s'", (int)len, w);
        return 0;
    }
    for (int i = 0; i < nk; i++) {
        bool known = sim_str_equals(S, sim_items(S, kw)[i], "fillvalue") ||
                     sim_str_equals(S, sim_items(S, kw)[i], "indent");
        for (int j = 0; j < NLIMITS && !known; j++)
            known = sim_str_equals(S, sim_items(S, kw)[i], limit_names[j]);
        if (!known) {
            size_t len;
            const char *w = sim_str_data(S, sim_items(S, kw)[i], &len);
            py_raise(I, EXC_TypeError, "Repr.__init__() got an unexpected keyword argument '%.*s'", (int)len, w);
            return 0;
        }
    }
    I->gc_count_unsure = true; /* the Python __init__'s frame and its dict: not replayed */
    for (int j = 0; j < NLIMITS; j++) {
        SimId v = v311 ? 0 : bi_kwarg(I, a, n, kw, limit_names[j]);
        if (v)
            sim_incref(S, v);
        if (!set_str(I, a[0], limit_names[j], v ? v : sim_int(S, limit_defaults[j])))
            return 0;
    }
    if (!v311) {
        SimId fill = bi_kwarg(I, a, n, kw, "fillvalue"), indent = bi_kwarg(I, a, n, kw, "indent");
        if (fill)
            sim_incref(S, fill);
        if (!set_str(I, a[0], "fillvalue", fill ? fill : sim_str(S, "...", 3)))
            return 0;
        indent = indent ? indent : S->none;
        sim_incref(S, indent);
        if (!set_str(I, a[0], "indent", indent))
            return 0;
    }
    return bi_none(I);
}

/* A subclass's own repr1 or repr_ methods would be dispatched to */
static bool own_methods(PyRun *I, SimId self)
{
    SimId t = sim_obj(S, self)->type, base = repr_class(I);
    if (t == base || !base)
        return false;
    SimId mro = sim_items(S, t)[SIM_TY_MRO];
    for (uint32_t i = 0; mro && i < sim_obj(S, mro)->len; i++) {
        SimId c = sim_items(S, mro)[i];
        if (c == base)
            break;
        uint32_t pos = 0;
        SimId k, v;
        while (sim_dict_next(S, SIM_V(S, c, SK_TYPE, type.dict), &pos, &k, &v)) {
            size_t len;
            const char *s = sim_str_data(S, k, &len);
            if ((len >= 5 && !memcmp(s, "repr_", 5)) || (len == 5 && !memcmp(s, "repr1", 5)) ||
                (len == 4 && !memcmp(s, "repr", 4)) || (len == 5 && !memcmp(s, "_join", 5)) ||
                (len == 14 && !memcmp(s, "_repr_iterable", 14)))
                return py_not_modelled(I, 0, "a subclass of reprlib.Repr with its own '%.*s'", (int)len, s), true;
        }
    }
    return false;
}

/* the limits as the instance has them now */
static bool limits_of(PyRun *I, SimId self, ReprLimits *L)
{
    int64_t *out[NLIMITS] = {&L->level, &L->tuple, &L->list, &L->array, &L->dict, &L->set,
                             &L->frozenset, &L->deque, &L->string, &L->lng, &L->other};
    for (int j = 0; j < NLIMITS; j++) {
        SimId k = sim_str_intern(S, limit_names[j], strlen(limit_names[j]));
        SimId v = attr_get(I, self, k);
        sim_decref(S, k);
        if (!v)
            return false;
        bool ok = sim_kind(S, v) == SK_INT && sim_obj(S, v)->sub == 0 && sim_obj(S, v)->v.i >= 0;
        if (ok)
            *out[j] = sim_obj(S, v)->v.i;
        sim_decref(S, v);
        if (!ok)
            return py_not_modelled(I, 0, "a reprlib.Repr whose %s is not an int of 0 or more", limit_names[j]);
    }
    if (S->prof->version == SIM_V311)
        return true;
    static const char *const extra[] = {"fillvalue", "indent"};
    for (int j = 0; j < 2; j++) {
        SimId k = sim_str_intern(S, extra[j], strlen(extra[j]));
        SimId v = attr_get(I, self, k);
        sim_decref(S, k);
        if (!v)
            return false;
        bool ok = j == 0 ? sim_kind(S, v) == SK_STR && sim_str_equals(S, v, "...") : sim_kind(S, v) == SK_NONE;
        sim_decref(S, v);
        if (!ok)
            return py_not_modelled(I, 0, "a reprlib.Repr with %s", j == 0 ? "a fillvalue other than '...'"
                                                                            : "an indent (its lines)");
    }
    return true;
}

static bool check_self(PyRun *I, SimId self, const char *meth)
{
    SimId base = repr_class(I);
    if (sim_kind(S, self) == SK_INSTANCE && base && sim_is_subtype(S, sim_obj(S, self)->type, base))
        return true;
    return py_not_modelled(I, 0, "Repr.%s() called on a '%s'", meth, op_typename(I, self));
}

SimId rc_repr(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (n != 2) {
        py_raise(I, EXC_TypeError, n < 2 ? "Repr.repr() missing 1 required positional argument: 'x'"
                                         : "Repr.repr() takes 2 positional arguments but %d were given", n);
        return 0;
    }
    ReprLimits L;
    if (!check_self(I, a[0], "repr") || own_methods(I, a[0]) || !limits_of(I, a[0], &L))
        return 0;
    return reprlib_repr1(I, &L, a[1], L.level);
}

SimId rc_repr1(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (n != 3) {
        py_raise(I, EXC_TypeError, "Repr.repr1() %s", n < 3 ? "missing required positional arguments"
                                                            : "takes 3 positional arguments");
        return 0;
    }
    ReprLimits L;
    if (!check_self(I, a[0], "repr1") || own_methods(I, a[0]) || !limits_of(I, a[0], &L))
        return 0;
    if (sim_kind(S, a[2]) != SK_INT || sim_obj(S, a[2])->sub != 0)
        return py_not_modelled(I, 0, "Repr.repr1() with a level that is not a small int"), 0;
    return reprlib_repr1(I, &L, a[1], sim_obj(S, a[2])->v.i);
}

SimId rc_inner(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)a, (void)n, (void)kw;
    return py_not_modelled(I, 0, "calling a reprlib.Repr's repr_ methods directly"), 0;
}

static SimId method(PyRun *I, BuiltinFn fn)
{
    for (int i = 0; i < reprlib_nfunctions; i++)
        if (reprlib_functions[i].fn == fn)
            return sim_builtin(S, (uint32_t)bi_index_of(&reprlib_functions[i]), 0);
    return sim_none(S);
}

void reprlib_class_init(PyRun *I, SimId d)
{
    SimId ns = sim_dict(S);
    bi_dict_put(I, ns, "__module__", sim_str_intern(S, "reprlib", 7));
    bi_dict_put(I, ns, "__init__", method(I, rc_init));
    bi_dict_put(I, ns, "repr", method(I, rc_repr));
    bi_dict_put(I, ns, "repr1", method(I, rc_repr1));
    for (size_t i = 0; i < sizeof inner / sizeof inner[0]; i++)
        if (S->prof->version != SIM_V311 || strcmp(inner[i], "_join") != 0)
            bi_dict_put(I, ns, inner[i], method(I, rc_inner));
    SimId name = sim_str_intern(S, "Repr", 4);
    SimId bases = sim_tuple(S, 0);
    SimId cls = class_build(I, name, ns, bases);
    sim_decref(S, bases);
    sim_decref(S, name);
    sim_decref(S, ns);
    if (!cls)
        return;
    sim_items(S, cls)[SIM_TY_FLAGS] |= SIM_TYF_NATIVE;
    bi_dict_put(I, d, "Repr", cls);
}
