/*
 * tracemalloc_guess: the free lists after library code the model does not
 * replay object by object (collections.namedtuple(), @dataclass), after
 * `import tracemalloc`.  CPython's stock is then known within a range,
 * measured over many such calls; the traced figures stay exact until the
 * range would decide one (sim_guess_freelists), and are refused from there.
 */
#include "pyrun/modules/tracemalloc.h"
#include "pyrun/modules/tracemalloc_ranges.h"
#include "pyrun/types/types.h"

#define S (I->sim)

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
 * measured group of the call's field count bounds it; the bounds of all of
 * them hold at once.  False when none was measured or they disagree (a
 * call unlike the measured ones). */
static bool guess(PyRun *I, const StockRange *r, size_t nr, int nfields)
{
    int v = S->prof->version == SIM_V311 ? 0 : S->prof->version == SIM_V312 ? 1 : 2;
    SimFreeStock n, slack, lo, hi;
    sim_read_freelists(S, &n, &slack);
    int floor[NFIELDS], ceil[NFIELDS];
    for (int i = 0; i < NFIELDS; i++)
        floor[i] = 0, ceil[i] = 255;
    bool measured = false;
    for (size_t k = 0; k < nr; k++) {
        if (r[k].v != v || r[k].nfields != nfields)
            continue;
        measured = true;
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
    if (!measured)
        return false;
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

void tm_guess_end(PyRun *I, TmGuessScope *g, TmGuess which, int nfields, const char *what)
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
    if (!(nt ? guess(I, namedtuple_ranges, namedtuple_nranges, nfields)
             : guess(I, dataclass_ranges, dataclass_nranges, nfields))) {
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
