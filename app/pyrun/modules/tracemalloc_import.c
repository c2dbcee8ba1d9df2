/*
 * tracemalloc_import: what `import tracemalloc` and the imports after it do
 * to the collector and the free lists, as measured on CPython 3.11-3.13:
 * the stock the import leaves, 3.12's and 3.13's garbage waiting for a
 * later collection, and the first imports the program makes after it
 * (modules Lib/tracemalloc.py imported itself cost nothing; others take
 * off the free lists what was measured, or leave them unknown).
 */
#include <stdio.h>
#include <string.h>

#include "pyrun/modules/std_import.h"
#include "pyrun/modules/tracemalloc.h"
#include "pyrun/thread.h"
#include "pyrun/types/types.h"

#define S (I->sim)

/* 3.13.0: what freeing the garbage `import tracemalloc` leaves parks on the
 * free lists (dicts, keys tables, lists, floats, tuples by size), measured
 * with sys._debugmallocstats() before and after that collection */
static const SimFreeStock import_garbage_freed = {6, 2, 0, 0, {0, 5, 2, 0, 1, 2}};

const SimFreeStock *tm_import_garbage_freed(void) { return &import_garbage_freed; }

void tm_collected(PyRun *I, int gen)
{
    TmState *t = I->tm;
    if (!t)
        return;
    if (gen == 2) { /* the free lists are emptied, as CPython's */
        t->import_garbage = false;
        t->import_garbage_young = false;
        t->stock_unknown = NULL;
        return;
    }
    if (t->import_garbage_young) { /* what freeing it parks, measured (tracemalloc_on_import) */
        t->import_garbage_young = false;
        /* freeing it makes something short-lived that tracemalloc sees (46
         * bytes in 3.13.0, for a cause not found) */
        tm_transient(I, 46);
        if (!S->gc.count_pinned) /* its moment is known to an allocation (tracemalloc_on_import) */
            S->gc.timing_sensitive = true;
        PmTraceFn tr = sim_trace_pause(S);
        sim_stock_freelists(S, &import_garbage_freed);
        sim_trace_resume(S, tr);
    }
    if (t->import_garbage) {
        t->import_garbage = false;
        t->stock_unknown = "a collection that freed what `import tracemalloc` left (its free-list stock)";
        if (sim_tracing(S) && !t->unsure)
            t->unsure = t->stock_unknown;
    }
}

/* 3.13: the young collection `import tracemalloc` left pending runs now,
 * inside Python code that allocates (take_snapshot's, an import's): its
 * garbage freed onto the free lists */
void tm_run_pending_collection(PyRun *I)
{
    TmState *t = tm_state(I);
    t->import_garbage_young = false;
    S->gc.gen[0].count = 0;
    S->gc.gen[1].count++;
    PmTraceFn tr = sim_trace_pause(S);
    sim_stock_freelists(S, &import_garbage_freed);
    sim_trace_resume(S, tr);
}

/* The free lists after `import X` right after `import tracemalloc`, for
 * modules whose import churns them through (3.11.7, 3.12.1: dicts, keys,
 * lists, floats, tuples by size), counted as import_stock was
 * (tracemalloc-stock.py's method with the import between).  3.13.0's runs
 * the pending young collection inside: not modelled there. */
typedef struct AfterImport {
    const char *module;
    SimFreeStock stock[2];
} AfterImport;

static const AfterImport after_import[] = {
    {"dataclasses",
     {{2, 4, 14, 4, {0, 3, 22, 9, 4, 7, 6, 3, 1, 2, 1, 1, 1, 3, 0, 2, 0, 1, 1, 3, 0}},
      {2, 23, 16, 4, {0, 3, 22, 10, 5, 7, 7, 2, 1, 2, 0, 1, 2, 5, 0, 2, 0, 0, 2, 2, 0}}}},
    {"datetime",
     {{4, 2, 8, 4, {0, 14, 17, 9, 8, 17, 3, 4, 6, 6, 2, 3, 0, 5, 3, 1, 0, 0, 1, 1, 0}},
      {4, 8, 13, 4, {0, 6, 12, 2, 6, 3, 1, 0, 5, 1, 2, 4, 3, 3, 2, 1, 0, 2, 0, 0, 0}}}},
    {"weakref",
     {{4, 6, 7, 4, {0, 2, 29, 3, 2, 2, 0, 1, 2, 2, 3, 2, 3, 4, 1, 1, 1, 1, 1, 0, 0}},
      {4, 7, 11, 4, {0, 2, 29, 3, 2, 2, 0, 1, 3, 2, 2, 3, 3, 3, 1, 1, 1, 2, 1, 0, 0}}}},
    {"copy",
     {{5, 6, 4, 4, {0, 7, 30, 5, 1, 2, 0, 1, 2, 1, 3, 0, 3, 3, 0, 1, 1, 1, 1, 0, 0}},
      {2, 7, 8, 4, {0, 3, 30, 5, 1, 2, 0, 1, 3, 1, 2, 1, 3, 2, 0, 1, 1, 2, 1, 2, 0}}}},
    {"typing",
     {{5, 1, 2, 4, {0, 11, 12, 11, 10, 10, 19, 7, 13, 9, 5, 4, 6, 3, 3, 2, 1, 0, 3, 2, 0}},
      {7, 2, 4, 4, {0, 11, 14, 16, 10, 14, 15, 2, 13, 6, 3, 3, 6, 5, 2, 1, 1, 1, 2, 2, 0}}}},
};

/* Small imports take their module's objects off the free lists: gc's
 * module dict and a list; math's too, and its five constants' floats
 * (measured the same way, oracle 964) */
static bool small_import(PyRun *I, const char *name)
{
    static const SimFreeStock gc_took = {1, 0, 1, 0, {0}}, math_took = {1, 0, 1, 5, {0}};
    const SimFreeStock *took = strcmp(name, "gc") == 0 ? &gc_took : strcmp(name, "math") == 0 ? &math_took : NULL;
    if (!took)
        return false;
    sim_take_freelists(S, took);
    return true;
}

void tm_freelists_disturbed(PyRun *I, const char *what)
{
    TmState *t = I->tm;
    if (!t || !t->imported)
        return;
    if (sim_tracing(S))
        tm_note_python_level(I, what);
    else if (!t->stock_unknown)
        t->stock_unknown = what;
}

void tm_module_imported(PyRun *I, const char *name)
{
    TmState *t = I->tm;
    if (!t || !t->imported)
        return;
    /* loaded before the program, or by Lib/tracemalloc.py's own imports
     * (sys.modules after it, 3.11-3.13): their import costs nothing */
    static const char *const loaded[] = {"sys",  "itertools", "operator", "functools", "collections", "time",
                                         "abc",  "enum",      "io",       "reprlib",   "tracemalloc"};
    for (size_t i = 0; i < sizeof loaded / sizeof loaded[0]; i++)
        if (strcmp(name, loaded[i]) == 0)
            return;
    if (sim_tracing(S)) {
        tm_note_python_level(I, "an import while tracing (its module's objects)");
        return;
    }
    if (t->import_garbage_young) { /* 3.13: any of these runs the pending collection */
        tm_run_pending_collection(I);
        snprintf(t->import_what, sizeof t->import_what,
                 "`import %s` after `import tracemalloc` under 3.13 (the young collection it runs frees "
                 "the earlier import's garbage in its midst)",
                 name);
        t->stock_unknown = t->import_what;
        return;
    }
    if (small_import(I, name))
        return;
    int v = S->prof->version == SIM_V311 ? 0 : 1;
    for (size_t i = 0; S->prof->version <= SIM_V312 && i < sizeof after_import / sizeof after_import[0]; i++)
        if (strcmp(name, after_import[i].module) == 0) {
            sim_set_freelists(S, &after_import[i].stock[v]);
            t->stock_unknown = NULL; /* a collection inside it is in the measured stock */
            return;
        }
    snprintf(t->import_what, sizeof t->import_what,
             "`import %s` after `import tracemalloc` (what it takes off the free lists)", name);
    t->stock_unknown = t->import_what;
}

/* The free lists right after `import tracemalloc` as a program's first line,
 * counted through tracemalloc itself (how many new dicts, keys tables,
 * lists, floats and tuples of each size a program gets untraced):
 * sys._debugmallocstats() agrees, but for what its own `import sys` moves
 * (a 1-tuple) and the keys list 3.11 and 3.12 do not print.  The 1-tuples
 * (and 3.13's 4- and 5-tuples) were counted again by making them one by
 * one at a program's top level (tests/tools/tracemalloc-stock.py), and so
 * were 3.13's 4 dicts and 1 keys table; its first take_snapshot()'s Python
 * code frees 6 dicts and 2 keys tables more (oracle 741).  3.13 makes 18
 * 2-tuples untraced and, later in a program, 2 more (at 20 to 40 new ones
 * traced 2 fewer than CPython; at 100 the same): 20 is kept.  The
 * thread-state dict Py_ReprEnter makes is not made by the import: the
 * first container repr takes it from these lists. */
static const SimFreeStock import_stock[3] = {
    /* dicts, keys, lists, floats, tuples by size */
    {4, 7, 11, 4, {0, 5, 16, 4, 6, 3, 1, 0, 4, 2, 3, 3, 3, 4, 2, 1, 0, 1, 1, 0, 0}},  /* 3.11.7 */
    {8, 8, 15, 4, {0, 7, 16, 5, 6, 3, 1, 0, 5, 2, 2, 4, 3, 3, 2, 1, 0, 2, 0, 0, 0}},  /* 3.12.1 */
    {4, 1, 15, 4, {0, 4, 18, 2, 1, 3, 5, 2, 0, 1, 5, 1, 2, 8, 1, 2, 4, 0, 1, 1, 0}},  /* 3.13.0 */
};

/* Lib/tracemalloc.py imports collections.abc, functools, fnmatch, linecache,
 * os.path and pickle: its GC traffic is not replayed (the young count and
 * the next collection's garbage are refused after it), and it leaves the
 * free lists stocked as measured (tests/tools/gen-import-stocks.py, at a
 * program's start and from the clean state alike, to a tuple or two). */
/* 3.13.0: the young count `import tracemalloc` leaves, by how far the
 * count before the first line is above a one-line module's.  Measured with
 * modules of 1-40 small functions or classes before the import (count
 * before the import -> after it): up to +71, 1973 (a one-line module: 1972,
 * and a count one either side is tried); +76..+113, 1969-1968; +121, 1944;
 * +162, 1937; +192, 1927; +222, 1917; from about +247 a fifth collection
 * in the import has already freed the garbage (67 left), run here at once. */
static int import_count_after(int shift, int threshold)
{
    static const struct { int shift, count; } steps[] = {
        {71, 1972}, {113, 1968}, {121, 1944}, {162, 1937}, {192, 1927}, {222, 1917}, {246, 1912},
    };
    if (shift <= steps[0].shift)
        return 1972 + (shift > 0) - (shift < 0);
    for (size_t i = 1; i < sizeof steps / sizeof steps[0]; i++)
        if (shift <= steps[i].shift)
            return steps[i].count;
    return threshold + 1;
}

void tracemalloc_on_import(PyRun *I)
{
    int v = S->prof->version == SIM_V311 ? 0 : S->prof->version == SIM_V312 ? 1 : 2;
    /* 3.12 keeps the garbage of Lib/operator.py's classes (gc.DEBUG_SAVEALL:
     * 28 functions, types, tuples ...) for its next collection, of the middle
     * generation: the counts after the import at a program's start are
     * (20, 10, 0).  What freeing it leaves on the free lists is not modelled:
     * the traced figures after that collection are refused. */
    if (S->prof->version == SIM_V312) {
        tm_state(I)->import_garbage = true;
        S->gc.gen[0].count = 20;
        S->gc.gen[1].count = 10;
    }
    /* The thread-state dict Py_ReprEnter makes: CPython makes it at the first
     * container repr, from the free lists; the model makes it here, before
     * the stock, and takes its dict, keys table and list off the free lists
     * at that first repr (repr.c).  (The audit failure seen when it was made
     * inside a later repr was a Statistic's traceback stored through a
     * payload pointer its own allocation had moved: fixed in stat_new.) */
    /* 3.13.0 leaves the young count at 1972 of 2000 (4 young collections in
     * the import), with cyclic garbage for the next collection, after some
     * 28 tracked allocations: freeing it parks 6 dicts, 2 keys tables and 10
     * tuples (sys._debugmallocstats() before and after).  That is for a
     * module of a few lines; the count the import leaves falls as the
     * compiler leaves more before the first line (import_count_after), so
     * the gc-timing variants move it with their start shift and what
     * depends on the collection's moment is refused. */
    if (S->prof->version == SIM_V313) {
        tm_state(I)->import_garbage_young = true;
        S->gc.gen[0].count = import_count_after(I->gc_start_shift, S->gc.gen[0].threshold);
        S->gc.gen[1].count = 4;
    }
    int young = S->gc.gen[0].count; /* counted when made, at the first repr */
    repr_state_init(I);
    S->gc.gen[0].count = young;
    I->ts->repr_stock_owed = true;
    sim_set_freelists(S, &import_stock[v]);
    I->foreign_heap = "import tracemalloc";
    I->gc_count_unsure = true;
    I->gc_garbage_unsure = true;
    I->std_imported |= STD_BIT(STD_ITERTOOLS) | STD_BIT(STD_OPERATOR) | STD_BIT(STD_FUNCTOOLS) |
                       STD_BIT(STD_COLLECTIONS) | STD_BIT(STD_REPRLIB) | STD_BIT(STD_ENUM);
    tm_state(I)->imported = true;
}
