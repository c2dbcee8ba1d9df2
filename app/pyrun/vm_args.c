/*
 * vm_args: binding a call's arguments to a Python function's parameters,
 * as CPython 3.11's initialize_locals does: positional ones, *args,
 * keywords by name, **kwargs, the defaults, and its TypeErrors, worded as
 * CPython words them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "pyrun/builtins.h"
#include "pyrun/modules/tracemalloc.h"
#include "pyrun/interp.h"
#include "pyrun/types/types.h"

#define S (I->sim)

/* the name argument errors use: the qualified name ("C.m") since 3.10 */
static const char *code_name(PyRun *I, uint32_t ci)
{
    size_t n;
    return sim_str_data(S, I->codes[ci].qualname, &n);
}

/* too_many_positional: checked after the keywords, so it counts the
 * keyword-only arguments they gave */
static void arg_count_error(PyRun *I, const PyCode *co, int given, const SimId *slots)
{
    const char *name = code_name(I, (uint32_t)(co - I->codes));
    int np = co->nargs, nd = 0, kwonly = 0;
    for (int i = 0; i < np; i++)
        nd += co->defidx[i] >= 0;
    for (int i = np; i < np + co->nkwonly; i++)
        kwonly += slots[i] != 0;
    char sig[48], extra[96] = "";
    if (nd)
        snprintf(sig, sizeof sig, "from %d to %d", np - nd, np);
    else
        snprintf(sig, sizeof sig, "%d", np);
    if (kwonly)
        snprintf(extra, sizeof extra, " positional argument%s (and %d keyword-only argument%s)",
                 given != 1 ? "s" : "", kwonly, kwonly != 1 ? "s" : "");
    py_raise(I, EXC_TypeError, "%s() takes %s positional argument%s but %d%s %s given", name, sig,
             nd || np != 1 ? "s" : "", given, extra, given == 1 && !kwonly ? "was" : "were");
}

static bool missing_error(PyRun *I, const PyCode *co, SimId *slots, bool kwonly)
{
    char names[256] = "";
    int missing = 0, from = kwonly ? co->nargs : 0, to = kwonly ? co->nargs + co->nkwonly : co->nargs;
    for (int i = from; i < to; i++)
        if (!slots[i])
            missing++;
    int k = 0;
    for (int i = from; i < to; i++) {
        if (slots[i])
            continue;
        size_t n;
        const char *nm = sim_str_data(S, co->slotnames[i], &n);
        size_t len = strlen(names);
        snprintf(names + len, sizeof names - len, "%s'%.*s'",
                 k == 0 ? "" : (k == missing - 1 ? (missing > 2 ? ", and " : " and ") : ", "),
                 (int)n, nm);
        k++;
    }
    py_raise(I, EXC_TypeError, "%s() missing %d required %s argument%s: %s",
             code_name(I, (uint32_t)(co - I->codes)), missing,
             kwonly ? "keyword-only" : "positional", missing == 1 ? "" : "s", names);
    return false;
}

/* positional_only_passed_as_keyword: raises CPython's TypeError naming
 * every positional-only parameter the call passed by keyword; false if none. */
static bool posonly_as_keyword(PyRun *I, const PyCode *co, SimId kwnames)
{
    char names[256] = "";
    for (uint32_t k = 0; k < sim_obj(S, kwnames)->len; k++)
        for (int i = 0; i < co->nposonly; i++) {
            if (!sim_equal(S, co->slotnames[i], sim_items(S, kwnames)[k]))
                continue;
            size_t n, len = strlen(names);
            const char *nm = sim_str_data(S, co->slotnames[i], &n);
            snprintf(names + len, sizeof names - len, "%s%.*s", len ? ", " : "", (int)n, nm);
        }
    if (!names[0])
        return false;
    py_raise(I, EXC_TypeError, "%s() got some positional-only arguments passed as keyword arguments: '%s'",
             code_name(I, (uint32_t)(co - I->codes)), names);
    return true;
}

/* A call of a function sharing a variable with its inlined comprehensions
 * only (3.12+): the model's cell for it is an object CPython does not make.
 * It is a ghost (sim/ghost.c) for the first 64 slots; one beyond is an
 * ordinary cell, which leaves the young count and tracemalloc's peak unsure
 * (compile_inline.c finds them). */
static void ghost_cells(PyRun *I)
{
    if (!I->gc_count_unsure)
        I->count_unsure_what = "a function sharing a variable with its comprehension (3.12+: no cell)";
    I->gc_count_unsure = true;
    tm_note_peak_unsure(I, "a function whose variable its comprehensions share (3.12+: no cell there)");
}

/* MAKE_CELL and COPY_FREE_VARS: the cells of the parameters and locals a
 * nested function reads, the closure's cells in the free slots. */
static inline void make_cells(PyRun *I, const PyCode *co, SimId *slots, SimId func)
{
    if (co->ncellfree == 0)
        return;
    if (co->nghost > __builtin_popcountll(co->ghostmask)) /* 3.12+: a cell CPython does not make */
        ghost_cells(I);
    int fi = 0;
    for (int i = 0; i < co->nslots; i++) {
        if (co->slotkind[i] == SLOT_CELL) { /* a plain local in CPython 3.12+: a ghost */
            bool ghost = i < 64 && (co->ghostmask >> i & 1);
            slots[i] = ghost ? sim_cell_ghost(S, slots[i]) : sim_cell(S, slots[i]);
        } else if (co->slotkind[i] == SLOT_FREE) {
            SimId closure = sim_items(S, func)[2];
            if (!closure)
                continue;
            SimId c = sim_items(S, closure)[fi++];
            sim_incref(S, c);
            slots[i] = c;
        }
    }
}

/* The common call: as many positional arguments as parameters, no
 * keywords, no *args, **kwargs or keyword-only ones: nothing can be
 * missing or wrong, and no default is read. */
static bool bind_exact(PyRun *I, const PyCode *co, SimId *slots, SimId func, SimId self, SimId *args,
                       int nargs)
{
    int i = 0;
    if (self)
        slots[i++] = self;
    for (; i < nargs; i++)
        slots[i] = *args++;
    make_cells(I, co, slots, func);
    return true;
}

/* the i-th argument of a call: self (when given) comes before args */
#define ARG(i) (self ? ((i) == 0 ? self : args[(i) - 1]) : args[i])

/* Binds self (0 = none) and args to a new frame of `func`; all are owned
 * (moved) references. args may point into the caller's part of the stack. */
bool vm_bind_args(PyRun *I, Frame *f, SimId func, SimId self, SimId *args, int nargs, SimId kwnames)
{
    const PyCode *co = &I->codes[f->code];
    SimId *slots = &I->ts->stack[f->base];
    if (self)
        nargs++;
    if (!kwnames && nargs == co->nargs && co->vararg < 0 && co->kwarg < 0 && co->nkwonly == 0)
        return bind_exact(I, co, slots, func, self, args, nargs);
    int nkw = kwnames ? (int)sim_obj(S, kwnames)->len : 0;
    int npos = nargs - nkw;
    int take = npos < co->nargs ? npos : co->nargs;
    int named = co->nargs + co->nkwonly;
    for (int i = 0; i < take; i++)
        slots[i] = ARG(i);
    if (co->vararg >= 0) {
        SimId t = sim_tuple(S, (size_t)(npos - take));
        for (int i = take; i < npos; i++)
            sim_tuple_set(S, t, (size_t)(i - take), ARG(i));
        slots[co->vararg] = t;
    } else if (npos > co->nargs) { /* an error once the keywords are placed */
        for (int i = take; i < npos; i++)
            sim_decref(S, ARG(i));
    }
    if (co->kwarg >= 0)
        slots[co->kwarg] = sim_dict(S);
    for (int k = 0; k < nkw; k++) {
        SimId name = sim_items(S, kwnames)[k];
        SimId v = ARG(npos + k);
        int slot = -1;
        for (int i = co->nposonly; i < named; i++)
            if (sim_equal(S, co->slotnames[i], name))
                slot = i;
        if (slot < 0 && co->kwarg < 0 && posonly_as_keyword(I, co, kwnames)) {
            for (int j = k; j < nkw; j++)
                sim_decref(S, ARG(npos + j));
            return false;
        }
        size_t n;
        const char *nm = sim_str_data(S, name, &n);
        if (slot < 0 && co->kwarg >= 0) {
            sim_incref(S, name);
            sim_dict_set(S, slots[co->kwarg], name, v);
            continue;
        }
        if (slot < 0 || slots[slot]) {
            if (slot < 0)
                py_raise(I, EXC_TypeError, "%s() got an unexpected keyword argument '%.*s'",
                         code_name(I, f->code), (int)n, nm);
            else
                py_raise(I, EXC_TypeError, "%s() got multiple values for argument '%.*s'",
                         code_name(I, f->code), (int)n, nm);
            for (int j = k; j < nkw; j++)
                sim_decref(S, ARG(npos + j));
            return false;
        }
        slots[slot] = v;
    }
    if (co->vararg < 0 && npos > co->nargs) {
        arg_count_error(I, co, npos, slots);
        return false;
    }
    SimId defaults = sim_items(S, func)[SIM_FN_DEFAULTS], kwdefaults = sim_items(S, func)[SIM_FN_KWDEFAULTS];
    for (int i = 0; i < named; i++) {
        if (slots[i])
            continue;
        if (defaults && co->defidx[i] >= 0)
            slots[i] = sim_items(S, defaults)[co->defidx[i]];
        else if (kwdefaults && co->defidx[i] == DEFIDX_KWONLY)
            slots[i] = sim_dict_get(S, kwdefaults, co->slotnames[i]);
        if (slots[i])
            sim_incref(S, slots[i]);
    }
    for (int i = 0; i < co->nargs; i++)
        if (!slots[i])
            return missing_error(I, co, slots, false);
    for (int i = co->nargs; i < named; i++)
        if (!slots[i])
            return missing_error(I, co, slots, true);
    make_cells(I, co, slots, func);
    return true;
}
