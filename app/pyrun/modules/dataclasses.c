/*
 * dataclasses: the module (its import replayed by std_import.c), `field`,
 * `fields`, `is_dataclass`, `FrozenInstanceError`, `MISSING`, and the
 * @dataclass decorator: it reads the class's annotations in order, makes a
 * Field for each (from the class attribute: a default, or a field()), takes
 * field() objects and mutable defaults as CPython does, and puts the
 * generated methods (dataclasses_methods.c) in the class's dict; with
 * slots=True it makes the class again with __slots__, as _add_slots does.
 * What CPython's exec() of the generated code costs the collector is not
 * replayed object by object: the young count is refused after it until a
 * gc.collect(), and an automatic collection that runs code meanwhile too.
 */
#include <stdio.h>
#include <string.h>

#include "pyrun/modules/dataclasses_int.h"
#include "pyrun/modules/std_import.h"
#include "pyrun/modules/tracemalloc.h"
#include "pyrun/types/types.h"
#include "sim/gc.h"

#define S (I->sim)

SimId dc_module_attr(PyRun *I, const char *name)
{
    SimId m = module_find_loaded(I, "dataclasses");
    return m ? sim_dict_get_str(S, sim_obj(S, m)->v.module.dict, name) : 0;
}

SimId dc_field_get(PyRun *I, SimId f, const char *name)
{
    SimId k = sim_str_intern(S, name, strlen(name));
    SimId v = sim_attr_get(S, f, k);
    sim_decref(S, k);
    return v ? v : S->none;
}

static void field_set(PyRun *I, SimId f, const char *name, SimId v) /* steals v */
{
    SimId k = sim_str_intern(S, name, strlen(name));
    sim_attr_set(S, f, k, v);
    sim_decref(S, k);
}

void dc_note_count(PyRun *I, const char *what)
{
    if (!I->gc_count_unsure)
        I->count_unsure_what = what;
    I->gc_count_unsure = true;
}

void dc_note_call(PyRun *I, const char *what)
{
    tm_freelists_disturbed(I, what);
    dc_note_count(I, what);
}

/* ---- field() ------------------------------------------------------------------ */

static const char *const field_kw[] = {"default", "default_factory", "init", "repr", "hash", "compare",
                                       "metadata", "kw_only"};

/* a Field with CPython's defaults; name and type come later */
static SimId field_new(PyRun *I)
{
    SimId cls = dc_module_attr(I, "Field"), missing = dc_module_attr(I, "MISSING");
    SimId f = sim_instance(S, cls);
    const char *order[] = {"name", "type", "default", "default_factory", "repr", "hash", "init", "compare",
                           "metadata", "kw_only", "_field_type"};
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
        SimId v = S->none;
        if (i == 2 || i == 3 || i == 9)
            v = missing;
        else if (i == 4 || i == 6 || i == 7)
            v = S->true_;
        sim_incref(S, v);
        field_set(I, f, order[i], v);
    }
    return f;
}

static SimId d_field(PyRun *I, SimId *a, int n, SimId kw)
{
    int nk = kw ? (int)sim_obj(S, kw)->len : 0;
    if (n - nk > 0) {
        py_raise(I, EXC_TypeError, "field() takes 0 positional arguments but %d were given", n - nk);
        return 0;
    }
    SimId f = field_new(I);
    SimId missing = dc_module_attr(I, "MISSING");
    for (int i = 0; i < nk; i++) {
        SimId k = sim_items(S, kw)[i];
        size_t len;
        const char *s = sim_str_data(S, k, &len);
        bool known = false;
        for (size_t j = 0; j < sizeof field_kw / sizeof field_kw[0]; j++)
            known |= strlen(field_kw[j]) == len && memcmp(field_kw[j], s, len) == 0;
        if (!known) {
            sim_decref(S, f);
            py_raise(I, EXC_TypeError, "field() got an unexpected keyword argument '%.*s'", (int)len, s);
            return 0;
        }
        if (sim_str_equals(S, k, "metadata") || sim_str_equals(S, k, "hash") || sim_str_equals(S, k, "kw_only")) {
            sim_decref(S, f);
            return py_not_modelled(I, 0, "field(%.*s=...)", (int)len, s), (SimId)0;
        }
        sim_incref(S, a[n - nk + i]);
        sim_incref(S, k);
        sim_attr_set(S, f, k, a[n - nk + i]);
        sim_decref(S, k);
    }
    if (dc_field_get(I, f, "default") != missing && dc_field_get(I, f, "default_factory") != missing) {
        sim_decref(S, f);
        py_raise(I, EXC_ValueError, "cannot specify both default and default_factory");
        return 0;
    }
    return f;
}

/* ---- the decorator ----------------------------------------------------------------- */

enum { P_INIT, P_REPR, P_EQ, P_ORDER, P_UNSAFE_HASH, P_FROZEN, P_MATCH_ARGS, P_KW_ONLY, P_SLOTS,
       P_WEAKREF_SLOT, P_COUNT };
static const char *const param_names[P_COUNT] = {"init", "repr", "eq", "order", "unsafe_hash", "frozen",
                                                 "match_args", "kw_only", "slots", "weakref_slot"};
static const bool param_default[P_COUNT] = {true, true, true, false, false, false, true, false, false, false};

bool dc_param(PyRun *I, SimId cls, const char *name)
{
    SimId p = sim_type_lookup(S, cls, "__dataclass_params__");
    if (!p || sim_kind(S, p) != SK_TUPLE)
        return false;
    for (int i = 0; i < P_COUNT; i++)
        if (strcmp(param_names[i], name) == 0)
            return sim_items(S, p)[i] == S->true_;
    return false;
}

static void put_method(PyRun *I, SimId cls, const char *name)
{
    int idx = -1;
    for (int i = 0; i < dataclasses_nfunctions; i++)
        if (dataclasses_functions[i].owner == SK_INSTANCE && strcmp(dataclasses_functions[i].name, name) == 0)
            idx = bi_index_of(&dataclasses_functions[i]);
    SimId d = SIM_V(S, cls, SK_TYPE, type.dict);
    bi_dict_put(I, d, name, sim_builtin(S, (uint32_t)idx, 0));
}

static bool mutable_default(PyRun *I, SimId v)
{
    SimKind k = sim_kind(S, v);
    return (k == SK_LIST || k == SK_DICT || (k == SK_SET && sim_obj(S, v)->sub != SIM_SET_FROZEN));
}

/* The Fields of cls's own annotations, its class attributes set as
 * _process_class does; false with the error raised. */
static bool collect_fields(PyRun *I, SimId cls, SimId fields, bool kw_only)
{
    SimId d = SIM_V(S, cls, SK_TYPE, type.dict);
    SimId ann = sim_dict_get_str(S, d, "__annotations__");
    if (!ann)
        return true;
    if (sim_kind(S, ann) != SK_DICT)
        return py_not_modelled(I, 0, "@dataclass on a class whose __annotations__ is not a dict");
    SimId missing = dc_module_attr(I, "MISSING"), fcls = dc_module_attr(I, "Field");
    uint32_t pos = 0;
    SimId name, type;
    while (sim_dict_next(S, ann, &pos, &name, &type)) {
        SimId dflt = sim_dict_get(S, d, name), f;
        if (dflt && sim_kind(S, dflt) == SK_INSTANCE && sim_obj(S, dflt)->type == fcls) {
            f = dflt;
            sim_incref(S, f);
        } else {
            f = field_new(I);
            if (dflt) {
                sim_incref(S, dflt);
                field_set(I, f, "default", dflt);
            }
        }
        sim_incref(S, name);
        field_set(I, f, "name", name);
        sim_incref(S, type);
        field_set(I, f, "type", type);
        if (dc_field_get(I, f, "kw_only") == missing)
            field_set(I, f, "kw_only", sim_bool(S, kw_only));
        SimId fd = dc_field_get(I, f, "default");
        if (dflt && dflt == f) { /* field(): the class attribute becomes its default, or goes */
            if (fd == missing) {
                sim_dict_del(S, d, name);
            } else {
                sim_incref(S, fd);
                sim_incref(S, name);
                sim_dict_set(S, d, name, fd);
            }
        }
        if (fd != missing && mutable_default(I, fd)) {
            size_t n;
            const char *s = sim_str_data(S, name, &n);
            py_raise(I, EXC_ValueError, "mutable default <class '%s'> for field %.*s is not allowed: use "
                     "default_factory", op_typename(I, fd), (int)n, s);
            sim_decref(S, f);
            return false;
        }
        sim_list_append(S, fields, f);
    }
    return true;
}

/* a field without a default after one with: CPython's TypeError wording
 * changed in 3.12, so the model refuses it rather than print either */
static bool check_order(PyRun *I, SimId fields)
{
    SimId missing = dc_module_attr(I, "MISSING");
    bool seen_default = false;
    for (uint32_t i = 0; i < sim_obj(S, fields)->len; i++) {
        SimId f = sim_items(S, fields)[i];
        if (dc_field_get(I, f, "init") != S->true_ || dc_field_get(I, f, "kw_only") == S->true_)
            continue;
        bool has = dc_field_get(I, f, "default") != missing || dc_field_get(I, f, "default_factory") != missing;
        if (!has && seen_default)
            return py_not_modelled(I, 0, "a dataclass field without a default after one with a default");
        seen_default |= has;
    }
    return true;
}

/* _add_slots: the class made again with __slots__ = its field names */
static SimId add_slots(PyRun *I, SimId cls, SimId fields)
{
    SimId d = sim_dict(S);
    uint32_t pos = 0;
    SimId k, v;
    SimId old = SIM_V(S, cls, SK_TYPE, type.dict);
    while (sim_dict_next(S, old, &pos, &k, &v)) {
        bool is_field = false;
        for (uint32_t i = 0; i < sim_obj(S, fields)->len; i++)
            is_field |= sim_equal(S, dc_field_get(I, sim_items(S, fields)[i], "name"), k);
        if (is_field || sim_str_equals(S, k, "__dict__") || sim_str_equals(S, k, "__weakref__"))
            continue;
        sim_incref(S, k);
        sim_incref(S, v);
        sim_dict_set(S, d, k, v);
    }
    SimId names = sim_tuple(S, sim_obj(S, fields)->len);
    for (uint32_t i = 0; i < sim_obj(S, fields)->len; i++) {
        SimId nm = dc_field_get(I, sim_items(S, fields)[i], "name");
        sim_incref(S, nm);
        sim_tuple_set(S, names, i, nm);
    }
    bi_dict_put(I, d, "__slots__", names);
    SimId name = sim_items(S, cls)[SIM_TY_NAME];
    SimId bases = sim_items(S, cls)[SIM_TY_BASES];
    SimId made = class_build(I, name, d, bases);
    sim_decref(S, d);
    return made;
}

/* the GC objects CPython's exec() of the generated methods leaves in the
 * young count (3.11.7 / 3.12.1 / 3.13.0, a class of one field: 105, 109,
 * 131; about 2 more per field, order=True 20-30 more, frozen=True 25-50) */
static void creation_traffic(PyRun *I, uint32_t nfields, const bool *p)
{
    int v = S->prof->version == SIM_V311 ? 0 : S->prof->version == SIM_V312 ? 1 : 2;
    static const unsigned base[] = {105, 109, 131};
    unsigned n = base[v] + 2 * (nfields ? nfields - 1 : 0);
    if (p[P_ORDER])
        n += v == 2 ? 29 : 20;
    if (p[P_FROZEN])
        n += v == 2 ? 50 : 27;
    for (unsigned i = 0; i < n; i++) {
        gc_note_foreign(S, 1, 1);
        if (S->gc.scheduled)
            vm_eval_breaker(I);
    }
    I->gc_count_unsure = true; /* as after an import: automatic collections running code are refused */
    I->count_unsure_what = NULL;
    I->foreign_heap = "@dataclass";

}

static SimId process_class(PyRun *I, SimId cls, const bool *p);

static SimId process(PyRun *I, SimId cls, const bool *p)
{
    TmGuessScope g = {0};
    tm_guess_begin(I, &g);
    SimId r = process_class(I, cls, p);
    SimId fl[64];
    int nfields = r ? dc_fields_in(I, r, fl, 64) : 0;
    tm_guess_end(I, &g, TM_GUESS_DATACLASS, nfields, "@dataclass (what its Python code leaves on the free lists)");
    return r;
}

static SimId process_class(PyRun *I, SimId cls, const bool *p)
{
    if (sim_kind(S, cls) != SK_TYPE || sim_obj(S, cls)->sub != SK_INSTANCE ||
        !(sim_type_word(S, cls, SIM_TY_FLAGS) & SIM_TYF_HEAP))
        return py_not_modelled(I, 0, "@dataclass on something that is not a plain class"), (SimId)0;
    if (p[P_UNSAFE_HASH] || p[P_KW_ONLY] || p[P_WEAKREF_SLOT] || !p[P_INIT] || !p[P_EQ])
        return py_not_modelled(I, 0, "@dataclass with unsafe_hash, kw_only, weakref_slot, init=False or "
                               "eq=False"), (SimId)0;
    if (sim_type_lookup(S, cls, "__dataclass_fields__")) /* a base's: its fields come first */
        return py_not_modelled(I, 0, "a dataclass inheriting from a dataclass"), (SimId)0;
    SimId d = SIM_V(S, cls, SK_TYPE, type.dict);
    static const char *const own[] = {"__init__", "__repr__", "__eq__", "__lt__", "__le__", "__gt__", "__ge__",
                                      "__setattr__", "__delattr__", "__hash__"};
    for (size_t i = 0; i < sizeof own / sizeof own[0]; i++) { /* CPython keeps them, or refuses them */
        if (!sim_dict_get_str(S, d, own[i]) || (strcmp(own[i], "__hash__") == 0 && !p[P_FROZEN]))
            continue;
        if (i <= 2) /* __init__, __repr__, __eq__: _set_new_attribute keeps the class's own */
            continue;
        bool ordering = i >= 3 && i <= 6;
        if (ordering && !p[P_ORDER]) /* order=False: _process_class leaves them alone */
            continue;
        if (ordering) { /* _process_class's TypeError */
            size_t n;
            const char *name = sim_str_data(S, sim_items(S, cls)[SIM_TY_NAME], &n);
            py_raise(I, EXC_TypeError, "Cannot overwrite attribute %s in class %.*s%s Consider using "
                                       "functools.total_ordering", own[i], (int)n, name,
                     S->prof->version >= SIM_V313 ? "" : "."); /* 3.13 lost the full stop */
            return 0;
        }
        return py_not_modelled(I, 0, "@dataclass on a class that defines %s", own[i]), (SimId)0;
    }
    SimId fields = sim_list(S, 0);
    if (!collect_fields(I, cls, fields, p[P_KW_ONLY]) || !check_order(I, fields)) {
        sim_decref(S, fields);
        return 0;
    }
    SimId fd = sim_dict(S);
    for (uint32_t i = 0; i < sim_obj(S, fields)->len; i++) {
        SimId f = sim_items(S, fields)[i];
        SimId nm = dc_field_get(I, f, "name");
        sim_incref(S, nm);
        sim_incref(S, f);
        sim_dict_set(S, fd, nm, f);
    }
    bi_dict_put(I, d, "__dataclass_fields__", fd);
    SimId params = sim_tuple(S, P_COUNT);
    for (int i = 0; i < P_COUNT; i++)
        sim_tuple_set(S, params, (size_t)i, sim_bool(S, p[i]));
    bi_dict_put(I, d, "__dataclass_params__", params);
    if (!sim_dict_get_str(S, d, "__init__"))
        put_method(I, cls, "__init__");
    if (p[P_REPR] && !sim_dict_get_str(S, d, "__repr__"))
        put_method(I, cls, "__repr__");
    if (!sim_dict_get_str(S, d, "__eq__"))
        put_method(I, cls, "__eq__");
    if (p[P_ORDER]) {
        put_method(I, cls, "__lt__");
        put_method(I, cls, "__le__");
        put_method(I, cls, "__gt__");
        put_method(I, cls, "__ge__");
    }
    if (p[P_FROZEN]) {
        put_method(I, cls, "__setattr__");
        put_method(I, cls, "__delattr__");
        put_method(I, cls, "__hash__");
    } else if (!sim_dict_get_str(S, d, "__hash__") || sim_kind(S, sim_dict_get_str(S, d, "__hash__")) != SK_FUNC) {
        sim_incref(S, S->none); /* eq without frozen: unhashable */
        bi_dict_put(I, d, "__hash__", S->none);
    }
    if (p[P_MATCH_ARGS]) {
        SimId t = sim_tuple(S, sim_obj(S, fields)->len);
        for (uint32_t i = 0; i < sim_obj(S, fields)->len; i++) {
            SimId nm = dc_field_get(I, sim_items(S, fields)[i], "name");
            sim_incref(S, nm);
            sim_tuple_set(S, t, i, nm);
        }
        bi_dict_put(I, d, "__match_args__", t);
    }
    class_set_hooks(I, cls);
    creation_traffic(I, sim_obj(S, fields)->len, p);
    SimId out = cls;
    sim_incref(S, cls);
    if (p[P_SLOTS]) {
        SimId made = add_slots(I, cls, fields);
        sim_decref(S, cls);
        out = made;
        if (made)
            class_set_hooks(I, made);
    }
    sim_decref(S, fields);
    return out;
}

/* dataclass(cls) or dataclass(**options) -> a decorator bound to them */
static SimId d_dataclass(PyRun *I, SimId *a, int n, SimId kw)
{
    int nk = kw ? (int)sim_obj(S, kw)->len : 0, np = n - nk;
    bool p[P_COUNT];
    memcpy(p, param_default, sizeof p);
    for (int i = 0; i < nk; i++) {
        SimId k = sim_items(S, kw)[i];
        int which = -1;
        for (int j = 0; j < P_COUNT; j++)
            if (sim_str_equals(S, k, param_names[j]))
                which = j;
        if (which < 0) {
            size_t len;
            const char *s = sim_str_data(S, k, &len);
            py_raise(I, EXC_TypeError, "dataclass() got an unexpected keyword argument '%.*s'", (int)len, s);
            return 0;
        }
        int t = op_truth(I, a[np + i]);
        if (t < 0)
            return 0;
        p[which] = t;
    }
    if (np > 1) {
        py_raise(I, EXC_TypeError, "dataclass() takes from 0 to 1 positional arguments but %d were given", np);
        return 0;
    }
    if (np == 1 && sim_kind(S, a[0]) != SK_NONE)
        return process(I, a[0], p);
    SimId opts = sim_tuple(S, P_COUNT); /* the wrapper, bound to its options */
    for (int i = 0; i < P_COUNT; i++)
        sim_tuple_set(S, opts, (size_t)i, sim_bool(S, p[i]));
    int idx = -1;
    for (int i = 0; i < dataclasses_nfunctions; i++)
        if (strcmp(dataclasses_functions[i].name, "dataclass.<locals>.wrap") == 0)
            idx = bi_index_of(&dataclasses_functions[i]);
    return sim_builtin(S, (uint32_t)idx, opts);
}

static SimId d_wrap(PyRun *I, SimId *a, int n, SimId kw)
{
    if (kw || n != 2) {
        py_raise(I, EXC_TypeError, "wrap() takes 1 positional argument but %d were given", n - 1);
        return 0;
    }
    bool p[P_COUNT];
    for (int i = 0; i < P_COUNT; i++)
        p[i] = sim_items(S, a[0])[i] == S->true_;
    return process(I, a[1], p);
}

int dc_fields_in(PyRun *I, SimId x, SimId *out, int cap)
{
    SimId cls = sim_kind(S, x) == SK_TYPE ? x : sim_type_of(S, x);
    SimId fd = sim_kind(S, cls) == SK_TYPE && sim_obj(S, cls)->sub == SK_INSTANCE
                   ? sim_type_lookup(S, cls, "__dataclass_fields__") : 0;
    if (!fd || sim_kind(S, fd) != SK_DICT)
        return -1;
    uint32_t pos = 0;
    SimId k, v;
    int n = 0;
    while (sim_dict_next(S, fd, &pos, &k, &v))
        if (n < cap)
            out[n++] = v;
        else
            return -2;
    return n;
}

SimId dc_fields_of(PyRun *I, SimId x)
{
    SimId cls = sim_kind(S, x) == SK_TYPE ? x : sim_type_of(S, x);
    SimId fd = sim_kind(S, cls) == SK_TYPE && sim_obj(S, cls)->sub == SK_INSTANCE
                   ? sim_type_lookup(S, cls, "__dataclass_fields__") : 0;
    if (!fd || sim_kind(S, fd) != SK_DICT)
        return 0;
    SimId l = sim_list(S, 0);
    uint32_t pos = 0;
    SimId k, v;
    while (sim_dict_next(S, fd, &pos, &k, &v)) {
        sim_incref(S, v);
        sim_list_append(S, l, v);
    }
    return l;
}

static SimId d_fields(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "fields", n, 1, 1))
        return 0;
    SimId l = dc_fields_of(I, a[0]);
    if (!l) {
        py_raise(I, EXC_TypeError, "must be called with a dataclass type or instance");
        return 0;
    }
    SimId t = sim_tuple(S, sim_obj(S, l)->len);
    for (uint32_t i = 0; i < sim_obj(S, l)->len; i++) {
        sim_incref(S, sim_items(S, l)[i]);
        sim_tuple_set(S, t, i, sim_items(S, l)[i]);
    }
    sim_decref(S, l);
    return t;
}

static SimId d_is_dataclass(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "is_dataclass", n, 1, 1))
        return 0;
    SimId l = dc_fields_of(I, a[0]);
    if (l)
        sim_decref(S, l);
    return sim_bool(S, l != 0);
}

#define F(nm, f, ...) BUILTIN(nm, 0, BM_DATACLASSES, f, __VA_ARGS__)
#define M(nm, f) BUILTIN(nm, SK_INSTANCE, BM_DATACLASSES, f, .kw = "*")

const BuiltinDef dataclasses_functions[] = {
    F("dataclass", d_dataclass, .kw = "*"),
    F("field", d_field, .kw = "*"),
    F("fields", d_fields, .style = ARGS_ONE),
    F("is_dataclass", d_is_dataclass, .style = ARGS_ONE),
    F("asdict", dc_asdict, .kw = "*"),
    F("astuple", dc_astuple, .kw = "*"),
    F("replace", dc_replace, .kw = "*"),
    BUILTIN("dataclass.<locals>.wrap", SK_TUPLE, BM_DATACLASSES, d_wrap, .kw = "*"),
    M("__init__", dc_init),
    M("__repr__", dc_repr),
    M("__eq__", dc_eq),
    M("__lt__", dc_lt),
    M("__le__", dc_le),
    M("__gt__", dc_gt),
    M("__ge__", dc_ge),
    M("__setattr__", dc_frozen_setattr),
    M("__delattr__", dc_frozen_delattr),
    M("__hash__", dc_hash),
};
const int dataclasses_nfunctions = (int)(sizeof dataclasses_functions / sizeof dataclasses_functions[0]);

void dataclasses_module_init(PyRun *I, SimId d)
{
    SimId ns = sim_dict(S); /* the sentinel MISSING: an instance of _MISSING_TYPE */
    bi_dict_put(I, ns, "__module__", sim_str_intern(S, "dataclasses", 11));
    SimId name = sim_str_intern(S, "_MISSING_TYPE", 13), bases = sim_tuple(S, 0);
    SimId mcls = class_build(I, name, ns, bases);
    sim_decref(S, name);
    sim_decref(S, ns);
    if (mcls) {
        bi_dict_put(I, d, "MISSING", sim_instance(S, mcls));
        sim_decref(S, mcls);
    }
    ns = sim_dict(S);
    bi_dict_put(I, ns, "__module__", sim_str_intern(S, "dataclasses", 11));
    name = sim_str_intern(S, "Field", 5);
    SimId fcls = class_build(I, name, ns, bases);
    sim_decref(S, name);
    sim_decref(S, ns);
    sim_decref(S, bases);
    if (fcls)
        bi_dict_put(I, d, "Field", fcls);
    SimId ecls = exc_subclass_in(I, "dataclasses", "FrozenInstanceError", exc_class(I, EXC_AttributeError));
    if (ecls)
        bi_dict_put(I, d, "FrozenInstanceError", ecls);
}

void dataclasses_on_import(PyRun *I) { std_import(I, STD_DATACLASSES); }
