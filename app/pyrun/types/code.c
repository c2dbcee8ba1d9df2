/*
 * code: the code objects a function's __code__ and a frame's f_code give,
 * and the attributes introspection reads from them.
 *
 * CPython makes them while compiling, before the first line; the model
 * makes one when first asked for, static (no memory of its own in the
 * model, untracked as CPython's are), one per code.  The names tuples are
 * built from the localsplus names, anew on each read in 3.11, once and
 * then kept in the code's cache from 3.12 on:
 * co_varnames the parameters and then the other locals, co_cellvars and
 * co_freevars sorted by name as the compiler sorts them (compile_stmt.c
 * lays the slots out so).  What depends on the bytecode itself (co_code,
 * co_consts, co_names, co_stacksize, co_flags, sizes, refcounts) is
 * refused.
 */
#include <string.h>

#include "pyrun/interp.h"
#include "pyrun/types/types.h"

#define S (I->sim)

SimId code_object(PyRun *I, uint32_t ci)
{
    PyCode *co = &I->codes[ci];
    if (!co->obj)
        co->obj = sim_code_new(S, ci);
    sim_incref(S, co->obj);
    return co->obj;
}

static int nparams(const PyCode *co)
{
    return co->nargs + co->nkwonly + (co->vararg >= 0) + (co->kwarg >= 0);
}

/* The slots' names of one kind as a new tuple: SLOT_LOCAL with every
 * parameter first (a parameter a closure captures is both a local and a
 * cell, as in CPython), SLOT_CELL, or SLOT_FREE. */
static SimId names_of(PyRun *I, const PyCode *co, int kind)
{
    int np = nparams(co), n = 0;
    for (int i = 0; i < co->nslots; i++)
        n += kind == SLOT_LOCAL ? (i < np || co->slotkind[i] == SLOT_LOCAL) : co->slotkind[i] == kind;
    SimId t = sim_tuple(S, (size_t)n);
    int k = 0;
    for (int i = 0; i < co->nslots; i++) {
        bool in = kind == SLOT_LOCAL ? (i < np || co->slotkind[i] == SLOT_LOCAL) : co->slotkind[i] == kind;
        if (!in)
            continue;
        sim_incref(S, co->slotnames[i]);
        sim_tuple_set(S, t, (size_t)k++, co->slotnames[i]);
    }
    return t;
}

static SimId names(PyRun *I, PyCode *co, int kind)
{
    if (co->has_comp && S->prof->version != SIM_V311) { /* PEP 709: the model runs it apart */
        size_t n;
        const char *q = sim_str_data(S, co->qualname, &n);
        return py_not_modelled(I, 0, "the names of code '%.*s' under 3.12+ (its comprehensions' "
                               "variables join its own)", (int)n, q), (SimId)0;
    }
    int which = kind == SLOT_LOCAL ? 0 : kind == SLOT_CELL ? 1 : 2;
    if (S->prof->version == SIM_V311)
        return names_of(I, co, kind);
    if (!co->names_cache[which])
        co->names_cache[which] = names_of(I, co, kind);
    sim_incref(S, co->names_cache[which]);
    return co->names_cache[which];
}

SimId code_attr(PyRun *I, SimId code, const char *name, bool *found)
{
    PyCode *co = &I->codes[SIM_V(S, code, SK_CODE, code.index)];
    *found = true;
    if (strcmp(name, "co_name") == 0 || strcmp(name, "co_qualname") == 0) {
        SimId v = name[3] == 'n' ? co->name : co->qualname;
        sim_incref(S, v);
        return v;
    }
    if (strcmp(name, "co_filename") == 0)
        return sim_str(S, I->filename, strlen(I->filename));
    if (strcmp(name, "co_firstlineno") == 0)
        return sim_int(S, co->firstline);
    if (strcmp(name, "co_argcount") == 0)
        return sim_int(S, co->nargs);
    if (strcmp(name, "co_posonlyargcount") == 0)
        return sim_int(S, co->nposonly);
    if (strcmp(name, "co_kwonlyargcount") == 0)
        return sim_int(S, co->nkwonly);
    if (strcmp(name, "co_varnames") == 0)
        return names(I, co, SLOT_LOCAL);
    if (strcmp(name, "co_cellvars") == 0)
        return names(I, co, SLOT_CELL);
    if (strcmp(name, "co_freevars") == 0)
        return names(I, co, SLOT_FREE);
    if (strcmp(name, "co_nlocals") == 0) {
        SimId t = names(I, co, SLOT_LOCAL);
        if (!t)
            return 0;
        int64_t n = sim_obj(S, t)->len;
        sim_decref(S, t);
        return sim_int(S, n);
    }
    if (strncmp(name, "co_", 3) == 0 || strcmp(name, "replace") == 0 || strcmp(name, "__sizeof__") == 0)
        return py_not_modelled(I, 0, "'code.%s' (what the bytecode holds)", name), (SimId)0;
    *found = false;
    return 0;
}

void code_repr(PyRun *I, SimId code, Buf *out)
{
    const PyCode *co = &I->codes[SIM_V(S, code, SK_CODE, code.index)];
    size_t n;
    const char *nm = sim_str_data(S, co->name, &n);
    buf_printf(out, "<code object %.*s at %#llx, file \"%s\", line %d>", (int)n, nm,
               (unsigned long long)sim_id_address(S, code), I->filename, co->firstline);
}
