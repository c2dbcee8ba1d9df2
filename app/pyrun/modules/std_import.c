/*
 * std_import: what the first `import` of a standard module does to the
 * collector, which the model does not replay object by object.  CPython
 * runs Lib/functools.py, Lib/operator.py, Lib/contextlib.py (and what they
 * import: collections, keyword, reprlib, types ...) or loads math's shared
 * library: thousands of GC allocations, automatic collections inside the
 * import, long-lived survivors, and some cyclic garbage left for the next
 * collection (gc.collect() right after `import operator` says 33).
 *
 * Measured on 3.11.7, 3.12.1 and 3.13.0 from the clean state (right after
 * gc.collect(), nothing else imported): the young count and the number of
 * collections the import leaves, the garbage it makes (with the collector
 * disabled) and leaves (enabled), its surviving tracked objects.  The model
 * replays that as allocations with self-referencing cells standing for the
 * garbage, placed so that the replay from the clean state leaves what
 * CPython leaves.  From any other state the numbers are not known: the
 * young count (gc.get_count()) and what the next collection finds
 * (gc.collect()'s result) are refused until a full collection whose result
 * the program drops.  Every import also leaves the free lists stocked with
 * tuples, lists and dicts it dropped, which what the program allocates next
 * reuses without a GC allocation (after `import math`, the next three
 * get_count() tuples cost nothing): from the clean state the model parks
 * the stocks CPython's sys._debugmallocstats() shows (std_import_stocks.c).
 */
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/interp.h"
#include "pyrun/modules/std_import.h"
#include "sim/gc.h"

#define S (I->sim)

typedef struct ImportCost {
    const char *name;
    unsigned implies;     /* STD_* bits of the modules it imports itself */
    uint16_t count[3];    /* gen0 count it leaves from 0 (3.11, 3.12, 3.13) */
    uint8_t collections[3]; /* automatic collections inside it, from 0 */
    uint16_t garbage[3];  /* cyclic garbage objects it makes */
    uint16_t left[3];     /* of those, still there after it, from the clean state */
    uint16_t survivors[3];
} ImportCost;

static const ImportCost costs[STD_COUNT] = {
    [STD_ITERTOOLS] = {"itertools", 0, {220, 252, 252}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {215, 245, 245}},
    [STD_MATH] = {"math", 0, {90, 93, 94}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {80, 81, 81}},
    [STD_OPERATOR] = {"operator", 0, {265, 268, 274}, {0, 0, 0}, {33, 33, 35}, {33, 33, 35}, {103, 103, 106}},
    [STD_FUNCTOOLS] = {"functools", STD_BIT(STD_OPERATOR) | STD_BIT(STD_ITERTOOLS) | STD_BIT(STD_COLLECTIONS),
                       {226, 225, 673}, {3, 3, 1}, {107, 107, 107}, {30, 30, 95}, {1374, 1457, 1420}},
    [STD_CONTEXTLIB] = {"contextlib",
                        STD_BIT(STD_FUNCTOOLS) | STD_BIT(STD_OPERATOR) | STD_BIT(STD_ITERTOOLS) |
                            STD_BIT(STD_COLLECTIONS),
                        {671, 521, 1385}, {3, 3, 1}, {107, 107, 114}, {31, 31, 111}, {1766, 1850, 1864}},
    /* copy imports weakref (and with it itertools); collections imports
     * itertools, keyword, operator and reprlib (measured by colls: the
     * survivors leave out the garbage still there) */
    [STD_COPY] = {"copy", STD_BIT(STD_ITERTOOLS) | STD_BIT(STD_WEAKREF), {23, 54, 1727}, {2, 2, 0}, {7, 7, 7}, {0, 0, 7},
                  {947, 1040, 1572}},
    /* dataclasses imports re, inspect, copy, functools, contextlib ... (weak
     * measured: garbage with the collector disabled, left from the clean
     * state, survivors by len(gc.get_objects())) */
    [STD_DATACLASSES] = {"dataclasses",
                         STD_BIT(STD_ITERTOOLS) | STD_BIT(STD_OPERATOR) | STD_BIT(STD_FUNCTOOLS) |
                             STD_BIT(STD_CONTEXTLIB) | STD_BIT(STD_COPY) | STD_BIT(STD_COLLECTIONS) |
                             STD_BIT(STD_WEAKREF),
                         {590, 399, 716}, {11, 10, 4}, {143, 143, 150}, {0, 0, 5}, {4581, 4805, 5173}},
    /* random imports math, operator, itertools, os, bisect, warnings (3.11,
     * 3.12); string imports re (enum, functools, collections ...) and
     * compiles Template's pattern (mods, measured as collections was) */
    [STD_RANDOM] = {"random", STD_BIT(STD_MATH) | STD_BIT(STD_OPERATOR) | STD_BIT(STD_ITERTOOLS) | STD_BIT(STD_BISECT),
                    {310, 389, 78}, {2, 2, 1}, {33, 33, 35}, {28, 28, 0}, {1184, 1286, 1197}},
    [STD_STRING] = {"string",
                    STD_BIT(STD_COLLECTIONS) | STD_BIT(STD_FUNCTOOLS) | STD_BIT(STD_OPERATOR) | STD_BIT(STD_ITERTOOLS) |
                        STD_BIT(STD_ENUM),
                    {275, 283, 88}, {5, 5, 2}, {119, 119, 126}, {6, 6, 5}, {2125, 2226, 2236}},
    /* enum imports types, functools, operator, collections (3.11, 3.12;
     * 3.13 only types: implies is taken as 0 there) */
    [STD_ENUM] = {"enum", STD_BIT(STD_FUNCTOOLS) | STD_BIT(STD_OPERATOR) | STD_BIT(STD_ITERTOOLS) |
                              STD_BIT(STD_COLLECTIONS),
                  {145, 194, 801}, {4, 4, 0}, {113, 113, 13}, {34, 34, 13}, {1645, 1744, 369}},
    /* json imports re (enum, functools, collections ...) and its decoder's
     * and encoder's regexes */
    [STD_JSON] = {"json",
                  STD_BIT(STD_COLLECTIONS) | STD_BIT(STD_FUNCTOOLS) | STD_BIT(STD_OPERATOR) | STD_BIT(STD_ITERTOOLS) |
                      STD_BIT(STD_ENUM),
                  {394, 381, 164}, {5, 5, 2}, {119, 119, 126}, {6, 6, 5}, {2214, 2315, 2325}},
    /* pprint imports dataclasses (inspect, re, copy, functools ...); on 3.11
     * one of its collections is of the middle generation, beyond what the
     * replay from the clean state says exactly */
    [STD_PPRINT] = {"pprint",
                    STD_BIT(STD_COLLECTIONS) | STD_BIT(STD_FUNCTOOLS) | STD_BIT(STD_OPERATOR) | STD_BIT(STD_ITERTOOLS) |
                        STD_BIT(STD_ENUM) | STD_BIT(STD_COPY) | STD_BIT(STD_WEAKREF) | STD_BIT(STD_DATACLASSES) |
                        STD_BIT(STD_CONTEXTLIB),
                    {61, 443, 706}, {11, 11, 4}, {143, 143, 150}, {0, 0, 0}, {4644, 4869, 5237}},
    /* typing imports collections.abc, functools, contextlib, re (3.11, 3.12;
     * 3.13 neither contextlib nor re: taken out of implies there) */
    [STD_TYPING] = {"typing",
                    STD_BIT(STD_COLLECTIONS) | STD_BIT(STD_FUNCTOOLS) | STD_BIT(STD_OPERATOR) | STD_BIT(STD_ITERTOOLS) |
                        STD_BIT(STD_ENUM) | STD_BIT(STD_CONTEXTLIB),
                    {214, 487, 51}, {8, 7, 2}, {119, 119, 114}, {0, 0, 0}, {3396, 3446, 2308}},
    /* array loads its extension module through importlib's file finder (mods3:
     * gen0 count and generation-1 count after it from the clean state; garbage
     * with the collector disabled; gc.collect() after it; survivors by
     * len(gc.get_objects()) as for math, +3 as math's entry) */
    [STD_ARRAY] = {"array", 0, {601, 636, 270}, {2, 2, 1}, {76, 76, 80}, {72, 72, 41}, {1243, 1330, 1332}},
    /* reprlib imports itertools and _thread (mods3, measured as array) */
    [STD_REPRLIB] = {"reprlib", STD_BIT(STD_ITERTOOLS), {316, 352, 353}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0},
                     {212, 263, 262}},
    /* threading imports os, functools (3.11, 3.12: collections, operator,
     * reprlib ...), itertools, _weakrefset (threads2: measured as array) */
    [STD_THREADING] = {"threading",
                       STD_BIT(STD_FUNCTOOLS) | STD_BIT(STD_OPERATOR) | STD_BIT(STD_ITERTOOLS) |
                           STD_BIT(STD_COLLECTIONS) | STD_BIT(STD_REPRLIB),
                       {288, 63, 544}, {4, 4, 1}, {107, 107, 7}, {28, 0, 0}, {1808, 1896, 1385}},
    /* heapq and bisect load _heapq and _bisect, nothing else (mods21c, measured
     * as array) */
    [STD_HEAPQ] = {"heapq", 0, {110, 110, 110}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {48, 48, 47}},
    [STD_BISECT] = {"bisect", 0, {66, 70, 70}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {34, 34, 33}},
    /* textwrap imports re (enum, functools, collections ...), as string does
     * (mods21c, measured as array) */
    [STD_TEXTWRAP] = {"textwrap",
                      STD_BIT(STD_COLLECTIONS) | STD_BIT(STD_FUNCTOOLS) | STD_BIT(STD_OPERATOR) |
                          STD_BIT(STD_ITERTOOLS) | STD_BIT(STD_ENUM),
                      {343, 373, 148}, {5, 5, 2}, {119, 119, 126}, {6, 6, 5}, {2108, 2209, 2219}},
    /* fractions imports decimal, math, numbers, operator and re (enum,
     * functools, collections ...) (mods21d, measured as array) */
    [STD_FRACTIONS] = {"fractions",
                       STD_BIT(STD_COLLECTIONS) | STD_BIT(STD_FUNCTOOLS) | STD_BIT(STD_OPERATOR) |
                           STD_BIT(STD_ITERTOOLS) | STD_BIT(STD_ENUM) | STD_BIT(STD_MATH),
                       {571, 514, 915}, {6, 6, 2}, {119, 119, 126}, {34, 34, 12}, {2745, 2865, 2895}},
    /* traceback imports collections.abc, itertools, linecache (functools,
     * tokenize, re ...), textwrap, warnings and contextlib (mods21f,
     * measured as array) */
    [STD_TRACEBACK] = {"traceback",
                       STD_BIT(STD_COLLECTIONS) | STD_BIT(STD_FUNCTOOLS) | STD_BIT(STD_OPERATOR) |
                           STD_BIT(STD_ITERTOOLS) | STD_BIT(STD_ENUM) | STD_BIT(STD_CONTEXTLIB) |
                           STD_BIT(STD_REPRLIB) | STD_BIT(STD_TEXTWRAP),
                       {18, 678, 1475}, {7, 6, 2}, {119, 119, 126}, {0, 0, 59}, {2759, 2878, 2889}},
    /* statistics imports fractions, decimal, random (math, bisect, os ...),
     * collections, functools, itertools, operator (mods21f, measured as
     * array) */
    [STD_STATISTICS] = {"statistics",
                        STD_BIT(STD_COLLECTIONS) | STD_BIT(STD_FUNCTOOLS) | STD_BIT(STD_OPERATOR) |
                            STD_BIT(STD_ITERTOOLS) | STD_BIT(STD_ENUM) | STD_BIT(STD_MATH) | STD_BIT(STD_REPRLIB) |
                            STD_BIT(STD_BISECT) | STD_BIT(STD_RANDOM) | STD_BIT(STD_FRACTIONS),
                        {673, 26, 238}, {7, 8, 3}, {119, 119, 126}, {6, 0, 0}, {3224, 3377, 3340}},
    /* datetime: 3.11 runs Lib/datetime.py (its pure-Python classes, then
     * `from _datetime import *`: their cycles are the garbage) and imports
     * math and operator; 3.12+ load _datetime alone (mods21g, measured as
     * array) */
    [STD_DATETIME] = {"datetime", STD_BIT(STD_MATH) | STD_BIT(STD_OPERATOR), {554, 249, 249}, {1, 0, 0},
                      {344, 0, 0}, {326, 0, 0}, {364, 212, 213}},
    [STD_COLLECTIONS] = {"collections", STD_BIT(STD_ITERTOOLS) | STD_BIT(STD_OPERATOR), {507, 560, 173},
                         {2, 2, 1}, {76, 76, 80}, {69, 69, 0}, {1228, 1308, 1251}},
};

/* what refusals after it name it by */
static const char *const statements[STD_COUNT] = {
    "import itertools", "import math", "import operator", "import functools", "import contextlib",
    "import copy", "import collections", "import weakref", "import dataclasses",
    "import random", "import string", "import enum", "import json", "import pprint", "import typing",
    "import array", "import reprlib", "import threading", "import heapq", "import bisect", "import textwrap",
    "import fractions", "import traceback", "import statistics", "import datetime",
};

bool std_freelists_empty(PyRun *I)
{
    bool empty = S->fl_list.n == 0 && S->fl_dict.n == 0;
    for (unsigned k = 1; k < SIM_TUPLE_MAXSAVE; k++)
        empty = empty && S->fl_tuple[k].n == 0;
    return empty;
}

/* a piece of the import's cyclic garbage: a cell holding itself (a kind
 * with no free list, so that collecting it leaves no stock behind) */
static void one_garbage(PyRun *I)
{
    SimId c = sim_cell(S, 0);
    sim_incref(S, c);
    SIM_V(S, c, SK_CELL, cell.ref) = c;
    sim_decref(S, c);
}

/* n allocations with g garbage objects among them: those not `left` spread
 * before the last collection a replay from 0 meets, the rest after it */
static void replay(PyRun *I, unsigned n, unsigned g, unsigned left, unsigned before)
{
    unsigned early = g - left, placed_early = 0, placed_late = 0;
    for (unsigned i = 0; i < n; i++) {
        bool garbage = false;
        if (i < before && placed_early < early && (uint64_t)i * early >= (uint64_t)placed_early * before) {
            garbage = true;
            placed_early++;
        } else if (i >= before && placed_late < left &&
                   (uint64_t)(i - before) * left >= (uint64_t)placed_late * (n - before)) {
            garbage = true;
            placed_late++;
        }
        if (garbage)
            one_garbage(I);
        else
            gc_note_foreign(S, 1, 0);
        if (S->gc.scheduled) /* 3.12+: the import's own code reaches an eval-breaker check */
            vm_eval_breaker(I);
    }
}

void std_import_collected(PyRun *I, int gen, long collected)
{
    if (!I->import_garbage_left || collected <= 0)
        return;
    I->import_garbage_left = false;
    if (gen < 2) { /* a full collection empties the free lists it stocked */
        I->gc_count_unsure = true;
        I->count_unsure_what = "a collection of the garbage an import left (its tuples and dicts "
                               "stock the free lists)";
    }
}

void std_import_stock(PyRun *I, int which, bool exact)
{
    int v = S->prof->version == SIM_V311 ? 0 : S->prof->version == SIM_V312 ? 1 : 2;
    if (exact)
        sim_stock_freelists(S, &std_import_stocks[which][v]);
    else
        I->gc_count_unsure = true;
}

void std_import(PyRun *I, int which)
{
    if (I->std_imported & STD_BIT(which)) { /* an import of its own already brought it: no traffic */
        return;
    }
    const ImportCost *c = &costs[which];
    int v = S->prof->version == SIM_V311 ? 0 : S->prof->version == SIM_V312 ? 1 : 2;
    SimGcState *g = &S->gc;
    unsigned thr = (unsigned)g->gen[0].threshold + 1;
    unsigned n = c->collections[v] * thr + c->count[v];
    bool exact = g->count_pinned && !I->foreign_heap && std_freelists_empty(I) && g->enabled &&
                 !(g->callbacks && sim_obj(S, g->callbacks)->len > 0) && !g->debug;
    if (c->collections[v] > 0)
        exact = exact && g->gen[0].count == 0 && g->gen[1].count + c->collections[v] <= g->gen[1].threshold;
    else
        exact = exact && (unsigned)g->gen[0].count + n < thr;
    I->foreign_heap = statements[which];
    unsigned implies = c->implies;
    if (v == 2 && which == STD_ENUM) /* 3.13's enum imports types alone */
        implies = 0;
    if (v == 2 && which == STD_THREADING) /* 3.13's threading imports itertools, not functools */
        implies = STD_BIT(STD_ITERTOOLS);
    if (v != 0 && which == STD_DATETIME) /* 3.12+'s datetime imports _datetime alone */
        implies = 0;
    if (v == 2 && which == STD_TYPING) /* 3.13's typing imports neither contextlib nor re */
        implies &= ~(STD_BIT(STD_CONTEXTLIB) | STD_BIT(STD_ENUM));
    I->std_imported |= STD_BIT(which) | implies;
    unsigned before = c->collections[v] * thr;
    replay(I, n, c->garbage[v], c->left[v], before);
    g->startup_tracked += c->survivors[v];
    std_import_stock(I, which, exact);
    if (c->left[v])
        I->import_garbage_left = true;
    if (!exact && c->garbage[v])
        I->gc_garbage_unsure = true;
}
