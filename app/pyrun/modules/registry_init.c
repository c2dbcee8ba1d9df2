/*
 * registry_init: the startup that fills the builtins dict with the
 * builtins module's functions and types, makes the modules CPython has at
 * startup, and makes the others at their first import.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/modules/registry_int.h"
#include "pyrun/modules/tracemalloc.h"

#define S (I->sim)

/* ---- startup ---------------------------------------------------------------- */

/* a built-in callable that exists from startup: no memory, not tracked,
 * and no allocation the collector counts (CPython's are static objects: so
 * the number of built-ins cannot move when a collection runs while the
 * program compiles) */
static SimId static_builtin(PyRun *I, uint32_t index)
{
    int count = S->gc.gen[0].count;
    bool collecting = S->gc.collecting;
    S->gc.collecting = true; /* no collection for it */
    SimId b = sim_builtin(S, index, 0);
    S->gc.collecting = collecting;
    S->gc.gen[0].count = count;
    SimObj *o = sim_obj(S, b);
    sim_untrack(S, b);
    pm_free(&S->pm, o->mem);
    o->mem = PM_NULL;
    o->flags |= SIM_F_STATIC;
    return b;
}

void bi_dict_put(PyRun *I, SimId d, const char *name, SimId v)
{
    sim_dict_set(S, d, sim_str_intern(S, name, strlen(name)), v);
}

/* The type named `qualified` (an iterator type such as "itertools.count"
 * or "zip"), or 0: a function of that name is bound to it instead. */
static SimId type_named(PyRun *I, const char *qualified)
{
    for (int xt = SIM_XT_NONE + 1; xt < SIM_XT_COUNT; xt++)
        if (strcmp(sim_type_obj_name(S, S->xtypes[xt]), qualified) == 0)
            return S->xtypes[xt];
    for (int k = SK_NONE; k < SK_COUNT; k++) /* collections.deque */
        if (strchr(sim_kind_name((SimKind)k), '.') && strcmp(sim_kind_name((SimKind)k), qualified) == 0)
            return S->types[k];
    return 0;
}

static SimId make_module(PyRun *I, int m)
{
    const ModuleDef *md = &py_modules[m];
    SimId d = sim_dict(S);
    int base = registry_module_base(m);
    for (int i = 0; i < *md->nfunctions; i++) {
        const BuiltinDef *def = &md->functions[i];
        if (def->owner) /* a method of one of its types */
            continue;
        char q[96];
        snprintf(q, sizeof q, "%s.%s", md->name, def->name);
        SimId type = type_named(I, q);
        if (type)
            sim_incref(S, type);
        bi_dict_put(I, d, def->name, type ? type : static_builtin(I, (uint32_t)(base + i)));
    }
    md->init(I, d);
    return sim_module(S, sim_str_intern(S, md->name, strlen(md->name)), d);
}

SimId module_find(PyRun *I, const char *name, size_t n)
{
    for (size_t m = 0; py_modules[m].name; m++)
        if (strlen(py_modules[m].name) == n && memcmp(py_modules[m].name, name, n) == 0) {
            if (!I->modules[m] && py_modules[m].on_import) { /* its first import */
                int counts[3]; /* the import's traffic is on_import's to add */
                for (int g = 0; g < 3; g++)
                    counts[g] = S->gc.gen[g].count;
                /* the model's making of its objects takes nothing off the
                 * free lists and leaves nothing on them: CPython's import
                 * (on_import's traffic), or an earlier one, made them */
                SimFreeStash aside;
                sim_freelists_stash(S, &aside);
                I->modules[m] = make_module(I, (int)m);
                sim_freelists_unstash(S, &aside);
                for (int g = 0; g < 3; g++)
                    S->gc.gen[g].count = counts[g];
                py_modules[m].on_import(I);
            }
            if (!(I->modules_imported >> m & 1)) {
                I->modules_imported |= UINT64_C(1) << m;
                tm_module_imported(I, py_modules[m].name);
            }
            return I->modules[m];
        }
    return 0;
}

SimId module_find_loaded(PyRun *I, const char *name)
{
    for (size_t m = 0; py_modules[m].name; m++)
        if (strcmp(py_modules[m].name, name) == 0)
            return I->modules[m];
    return 0;
}

void builtins_init(PyRun *I)
{
    I->builtins = sim_dict(S);
    for (int i = 0; i < function_ndefs; i++) {
        SimId type = type_named(I, function_defs[i].name); /* enumerate, zip, map ... are types */
        if (type)
            sim_incref(S, type);
        bi_dict_put(I, I->builtins, function_defs[i].name, type ? type : static_builtin(I, (uint32_t)i));
    }
    I->builtin_methods = calloc((size_t)bi_count(), sizeof *I->builtin_methods);
    int first, end;
    bi_method_range(&first, &end);
    for (int i = first; i < end; i++)
        I->builtin_methods[i] = static_builtin(I, (uint32_t)i);
    registry_method_index_build(I);
    static const struct { const char *name; SimKind k; } types[] = {
        {"int", SK_INT}, {"float", SK_FLOAT}, {"complex", SK_COMPLEX}, {"str", SK_STR}, {"bytes", SK_BYTES},
        {"bytearray", SK_BYTEARRAY}, {"list", SK_LIST}, {"tuple", SK_TUPLE}, {"dict", SK_DICT},
        {"set", SK_SET}, {"object", SK_OBJECT}, {"type", SK_TYPE}, {"bool", SK_BOOL},
        {"range", SK_RANGE}, {"super", SK_SUPER}, {"property", SK_PROPERTY},
        {"classmethod", SK_CLASSMETHOD}, {"staticmethod", SK_STATICMETHOD},
    };
    for (unsigned i = 0; i < sizeof types / sizeof types[0]; i++) {
        sim_incref(S, S->types[types[i].k]);
        bi_dict_put(I, I->builtins, types[i].name, S->types[types[i].k]);
    }
    sim_incref(S, S->none);
    bi_dict_put(I, I->builtins, "None", S->none);
    sim_incref(S, S->ellipsis);
    bi_dict_put(I, I->builtins, "Ellipsis", S->ellipsis);
    sim_incref(S, S->notimpl);
    bi_dict_put(I, I->builtins, "NotImplemented", S->notimpl);
    errors_init(I);
    for (int m = 0; m < py_nmodules; m++)
        if (!py_modules[m].on_import)
            I->modules[m] = make_module(I, m);
}
