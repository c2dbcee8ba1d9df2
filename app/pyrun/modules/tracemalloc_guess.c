/*
 * tracemalloc_guess: the free lists after library code the model does not
 * replay object by object (collections.namedtuple(), @dataclass), after
 * `import tracemalloc`.  CPython's stock is then known within a range,
 * measured over many such calls; the traced figures stay exact until the
 * range would decide one (sim_guess_freelists), and are refused from there.
 */
#include "pyrun/modules/tracemalloc.h"
#include "pyrun/types/types.h"

#define S (I->sim)

/* The stock after `import tracemalloc` and the module's own import (base),
 * and the least and the most each list held after one call more, over the
 * variants of tests/tools/freelist-ranges/ (field counts 1-12, options,
 * spellings, a young count from 0 to 650): 3.11.7, 3.12.1, 3.13.0, read
 * with tests/tools/freelist-range.py.  3.13's base is before the young
 * collection the import left pending, which each call runs. */
typedef struct StockRange {
    int v; /* 0, 1, 2: 3.11.7, 3.12.1, 3.13.0 */
    SimFreeStock base, lo, hi;
} StockRange;

/* namedtuple.txt, then namedtuple-dc.txt (after dataclasses' import) */
static const StockRange namedtuple_ranges[] = {
    {0,
     {4, 7, 11, 4, {0, 5, 16, 4, 6, 3, 1, 0, 4, 2, 3, 3, 3, 4, 2, 1, 0, 1, 1, 0, 1}},
     {11, 4, 8, 4, {0, 1, 11, 1, 5, 2, 1, 0, 3, 1, 1, 2, 2, 3, 2, 1, 0, 1, 1, 0, 1}},
     {11, 5, 13, 4, {0, 1, 14, 2, 6, 3, 1, 1, 4, 2, 2, 3, 3, 4, 2, 1, 0, 1, 1, 0, 1}}},
    {1,
     {8, 8, 15, 4, {0, 7, 16, 5, 6, 3, 1, 0, 5, 2, 2, 4, 3, 3, 2, 1, 0, 2, 0, 0, 0}},
     {13, 5, 8, 4, {0, 1, 11, 1, 5, 2, 1, 0, 4, 1, 0, 3, 2, 2, 2, 1, 0, 2, 0, 0, 0}},
     {13, 6, 17, 4, {0, 2, 14, 3, 6, 3, 1, 1, 5, 2, 1, 4, 3, 3, 2, 1, 0, 2, 0, 0, 0}}},
    {2,
     {4, 1, 15, 4, {0, 4, 18, 2, 1, 3, 5, 2, 0, 1, 5, 1, 3, 8, 1, 2, 4, 0, 1, 1, 0}},
     {13, 0, 8, 4, {0, 1, 15, 1, 1, 2, 4, 1, 0, 1, 3, 1, 2, 7, 1, 2, 4, 0, 1, 1, 0}},
     {19, 4, 17, 4, {0, 6, 18, 1, 2, 5, 5, 2, 1, 1, 4, 1, 3, 8, 1, 2, 4, 0, 1, 1, 0}}},
    {0,
     {2, 4, 14, 4, {0, 3, 22, 9, 4, 7, 6, 3, 1, 2, 1, 1, 1, 3, 0, 2, 0, 1, 1, 3, 1}},
     {11, 2, 8, 4, {0, 1, 17, 4, 3, 6, 5, 2, 1, 1, 0, 1, 1, 2, 0, 2, 0, 1, 1, 3, 1}},
     {11, 2, 16, 4, {0, 1, 20, 7, 4, 7, 6, 3, 1, 2, 1, 1, 1, 3, 0, 2, 0, 1, 1, 3, 2}}},
    {1,
     {2, 23, 16, 4, {0, 3, 22, 10, 5, 7, 7, 2, 1, 2, 0, 1, 2, 5, 0, 2, 0, 0, 2, 2, 0}},
     {13, 20, 8, 4, {0, 1, 17, 5, 4, 6, 6, 1, 1, 1, 0, 1, 1, 4, 0, 2, 0, 0, 2, 2, 0}},
     {13, 21, 18, 4, {0, 1, 20, 8, 5, 7, 7, 2, 1, 2, 1, 1, 2, 5, 0, 2, 0, 0, 2, 2, 1}}},
};

/* dataclass.txt, then dataclass-nt.txt (after a namedtuple() too) */
static const StockRange dataclass_ranges[] = {
    {0,
     {2, 4, 14, 4, {0, 3, 22, 9, 4, 7, 6, 3, 1, 2, 1, 1, 1, 3, 0, 2, 0, 1, 1, 3, 1}},
     {19, 6, 14, 4, {0, 5, 20, 3, 1, 4, 3, 1, 1, 1, 1, 1, 1, 1, 0, 2, 0, 1, 1, 3, 1}},
     {22, 10, 15, 4, {0, 6, 24, 9, 4, 7, 6, 3, 3, 3, 3, 3, 3, 3, 3, 3, 2, 2, 1, 3, 2}}},
    {1,
     {2, 23, 16, 4, {0, 3, 22, 10, 5, 7, 7, 2, 1, 2, 0, 1, 2, 5, 0, 2, 0, 0, 2, 2, 0}},
     {23, 22, 14, 4, {0, 5, 20, 3, 1, 4, 4, 1, 1, 1, 1, 1, 1, 2, 0, 2, 0, 0, 2, 2, 0}},
     {26, 25, 16, 4, {0, 6, 22, 10, 5, 7, 7, 3, 3, 3, 3, 3, 3, 5, 3, 3, 2, 1, 2, 2, 2}}},
    {2,
     {2, 0, 25, 4, {0, 4, 18, 6, 7, 7, 4, 6, 9, 4, 0, 0, 3, 3, 3, 3, 0, 1, 1, 0, 2}},
     {27, 4, 21, 4, {0, 4, 24, 1, 3, 4, 2, 3, 6, 2, 1, 0, 1, 1, 2, 2, 0, 1, 1, 0, 2}},
     {35, 15, 35, 4, {0, 7, 53, 5, 7, 7, 4, 6, 9, 4, 3, 3, 3, 3, 3, 3, 2, 2, 2, 2, 2}}},
    {0,
     {11, 2, 15, 4, {0, 1, 20, 6, 4, 7, 6, 3, 1, 2, 0, 1, 1, 3, 0, 2, 0, 1, 1, 3, 1}},
     {19, 6, 14, 4, {0, 5, 20, 3, 1, 4, 3, 1, 1, 1, 1, 1, 1, 1, 0, 2, 0, 1, 1, 3, 1}},
     {22, 10, 15, 4, {0, 6, 24, 6, 4, 7, 6, 3, 3, 3, 3, 3, 3, 3, 3, 3, 2, 2, 1, 3, 2}}},
    {1,
     {13, 21, 17, 4, {0, 1, 20, 7, 5, 7, 7, 2, 1, 2, 0, 1, 2, 5, 0, 2, 0, 0, 2, 2, 0}},
     {23, 20, 14, 4, {0, 5, 20, 2, 1, 4, 4, 1, 1, 1, 1, 1, 1, 2, 0, 2, 0, 0, 2, 2, 0}},
     {26, 23, 17, 4, {0, 6, 22, 7, 5, 7, 7, 3, 3, 3, 3, 3, 3, 5, 3, 3, 2, 1, 2, 2, 2}}},
};

enum { NFIELDS = 4 + SIM_TUPLE_MAXSAVE };

static uint8_t *field(SimFreeStock *st, int i)
{
    uint8_t *head[4] = {&st->dicts, &st->keys, &st->lists, &st->floats};
    return i < 4 ? head[i] : &st->tuples[i - 4];
}

static int cfield(const SimFreeStock *st, int i) { return *field((SimFreeStock *)st, i); }

/* A call's effect on a free list moves its stock by at most what the start
 * moved (each take and each park is monotone and 1-Lipschitz in the
 * count): from a start p (up to p + slack) instead of a measured base, the
 * list ends within [lo - (base - p), hi + (p + slack - base)].  Each
 * measured group bounds it; the bounds of all of them hold at once.  False
 * when they disagree (a call unlike the measured ones). */
static bool guess(PyRun *I, const StockRange *r, size_t nr)
{
    int v = S->prof->version == SIM_V311 ? 0 : S->prof->version == SIM_V312 ? 1 : 2;
    SimFreeStock n, slack, lo, hi;
    sim_read_freelists(S, &n, &slack);
    int floor[NFIELDS], ceil[NFIELDS];
    for (int i = 0; i < NFIELDS; i++)
        floor[i] = 0, ceil[i] = 255;
    for (size_t k = 0; k < nr; k++) {
        if (r[k].v != v)
            continue;
        SimFreeStock base = r[k].base;
        if (v == 2) /* the pending collection's garbage is in every variant's start */
            for (int i = 0; i < NFIELDS; i++)
                *field(&base, i) = (uint8_t)(cfield(&base, i) + cfield(tm_import_garbage_freed(), i));
        for (int i = 0; i < NFIELDS; i++) {
            int b = cfield(&base, i), p = cfield(&n, i), top = p + cfield(&slack, i);
            int l = cfield(&r[k].lo, i) - (b > p ? b - p : 0), h = cfield(&r[k].hi, i) + (top > b ? top - b : 0);
            floor[i] = l > floor[i] ? l : floor[i];
            ceil[i] = h < ceil[i] ? h : ceil[i];
        }
    }
    for (int i = 0; i < NFIELDS; i++) {
        if (floor[i] > ceil[i])
            return false;
        *field(&lo, i) = (uint8_t)floor[i];
        *field(&hi, i) = (uint8_t)ceil[i];
    }
    sim_guess_freelists(S, &lo, &hi);
    return true;
}

bool tm_guess_begin(PyRun *I, TmGuessScope *g)
{
    TmState *t = I->tm;
    g->stashed = t && t->imported && !sim_tracing(S) && !t->stock_unknown;
    if (g->stashed) {
        sim_freelists_stash(S, &g->aside);
        for (int i = 0; i < 3; i++)
            g->collections += S->gc.collections[i];
    }
    return g->stashed;
}

void tm_guess_end(PyRun *I, TmGuessScope *g, TmGuess which, const char *what)
{
    TmState *t = I->tm;
    if (!t || !t->imported)
        return;
    uint64_t collections = 0;
    if (g->stashed) {
        sim_freelists_unstash(S, &g->aside);
        for (int i = 0; i < 3; i++)
            collections += S->gc.collections[i];
    }
    /* nothing known to start from, or a collection in its midst (what it
     * freed is not in the measured range) */
    if (!g->stashed || collections != g->collections) {
        tm_freelists_disturbed(I, what);
        return;
    }
    if (t->import_garbage_young) /* 3.13: the call runs it */
        tm_run_pending_collection(I);
    bool nt = which == TM_GUESS_NAMEDTUPLE;
    if (!(nt ? guess(I, namedtuple_ranges, sizeof namedtuple_ranges / sizeof namedtuple_ranges[0])
             : guess(I, dataclass_ranges, sizeof dataclass_ranges / sizeof dataclass_ranges[0]))) {
        tm_freelists_disturbed(I, what);
        return;
    }
    t->guess_what = what;
}

void tm_sync_guess(PyRun *I)
{
    TmState *t = I->tm;
    if (t && S->fl_guess_missed && sim_tracing(S) && !t->unsure)
        t->unsure = t->guess_what ? t->guess_what : "library code the model does not replay";
}
