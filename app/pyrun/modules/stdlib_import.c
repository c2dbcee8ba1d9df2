/*
 * stdlib_import: what `import copy` and `import collections` do to the
 * collector, measured on CPython 3.11.7, 3.12.1 and 3.13.0 run as the
 * oracle runs them (-S -s, PYTHONHASHSEED=0) right after gc.collect(), so
 * from a young count of 0 and empty free lists:
 *     gc.collect(); base = len(gc.get_objects()); gc.collect()
 *     import MOD
 *     gc.get_count(); len(gc.get_objects()) - base - 1
 *     gc.collect(0); gc.collect(1)
 * Both modules import others (copy: weakref, which imports itertools;
 * collections: itertools, keyword, operator, reprlib), so the figures
 * depend on which of them ran before: none, itertools only, or the other
 * of the two.  From any other state (a count not known to be 0, free lists
 * with stock, thresholds changed, the collector disabled) the young count
 * is refused until a full collection and the garbage is unknown.
 */
#include <string.h>

#include "pyrun/modules/stdlib_import.h"
#include "sim/gc.h"

#define S (I->sim)

typedef struct ImportFigures {
    int count0;     /* young count after it */
    int ncoll;      /* automatic young collections during it */
    int survivors;  /* tracked objects it added (garbage included) */
    int garbage[2]; /* what gc.collect(0) then gc.collect(1) found */
} ImportFigures;

enum { PRIOR_NONE, PRIOR_ITERTOOLS, PRIOR_OTHER, NPRIOR };

/* [version][module][prior] */
static const ImportFigures figures[3][STD_NMODULES][NPRIOR] = {
    { /* 3.11.7 */
        {{23, 2, 947, {0, 0}}, {511, 1, 820, {0, 0}}, {0, 1, 291, {0, 0}}},
        {{507, 2, 1297, {41, 28}}, {261, 2, 1029, {8, 0}}, {506, 1, 637, {41, 28}}},
    },
    { /* 3.12.1 */
        {{54, 2, 1040, {0, 0}}, {516, 1, 834, {0, 0}}, {652, 0, 602, {7, 0}}},
        {{560, 2, 1377, {41, 28}}, {278, 2, 1065, {25, 0}}, {513, 1, 645, {41, 28}}},
    },
    { /* 3.13.0 */
        {{1727, 0, 1579, {7, 0}}, {1484, 0, 1336, {7, 0}}, {670, 0, 617, {7, 0}}},
        {{173, 1, 1251, {0, 0}}, {1962, 0, 1730, {80, 0}}, {1169, 0, 1010, {80, 0}}},
    },
};

static const char *const import_names[STD_NMODULES] = {"import copy", "import collections"};

static bool imported(PyRun *I, const char *name)
{
    for (int m = 0; py_modules[m].name; m++)
        if (strcmp(py_modules[m].name, name) == 0)
            return I->modules[m] != 0;
    return false;
}

/* The state the figures were measured from. */
static bool measured_state(PyRun *I)
{
    const SimGcState *g = &S->gc;
    bool empty = S->fl_list.n == 0 && S->fl_dict.n == 0;
    for (unsigned k = 1; k < SIM_TUPLE_MAXSAVE; k++)
        empty = empty && S->fl_tuple[k].n == 0;
    return empty && g->count_pinned && g->enabled && g->gen[0].count == 0 && g->gen[1].count == 0 &&
           g->gen[0].threshold == S->prof->threshold[0] && S->prof->version <= SIM_V313 &&
           !I->gc_count_unsure;
}

/* One allocation the collector counts, and the collection it may start
 * (3.12+ runs it at the next eval-breaker check, inside the import). */
static void one_alloc(PyRun *I)
{
    gc_note_foreign(S, 1, 0);
    if (S->gc.scheduled)
        vm_eval_breaker(I);
}

void stdlib_import(PyRun *I, StdModule m)
{
    StdModule other = m == STD_COPY ? STD_COLLECTIONS : STD_COPY;
    int prior = imported(I, other == STD_COPY ? "copy" : "collections") ? PRIOR_OTHER
                : imported(I, "itertools")                              ? PRIOR_ITERTOOLS
                                                                        : PRIOR_NONE;
    bool known = measured_state(I);
    if (I->import_garbage[0] < 0 || I->import_garbage[1] < 0)
        known = false;
    int v = S->prof->version <= SIM_V313 ? (int)S->prof->version : 2;
    const ImportFigures *f = &figures[v][m][prior];
    I->foreign_heap = import_names[m];
    /* the traffic: as many allocations as make its collections and count */
    int n = f->ncoll * (S->gc.gen[0].threshold + 1) + f->count0;
    for (int i = 0; i < n; i++)
        one_alloc(I);
    gc_note_foreign(S, 0, (unsigned)f->survivors);
    if (!known) {
        I->gc_count_unsure = true;
        I->import_garbage[0] = I->import_garbage[1] = -1;
    } else if (I->import_garbage[0] >= 0 && I->import_garbage[1] >= 0) {
        I->import_garbage[0] += f->garbage[0];
        I->import_garbage[1] += f->garbage[1];
    }
    for (int g = 0; g < 3; g++)
        I->import_collections[g] = S->gc.collections[g];
    /* itertools came with it: its own first import is no longer to come */
    module_load_quiet(I, "itertools");
}

/* Collections of generation >= g since the import, the one that just ran
 * (of generation `gen`) left out. */
static bool collected_since(PyRun *I, int g, int gen)
{
    for (int h = g; h < 3; h++)
        if (S->gc.collections[h] > I->import_collections[h] + (h == gen ? 1 : 0))
            return true;
    return false;
}

static void forget(PyRun *I, int g)
{
    uint64_t n = I->import_garbage[g] > 0 ? (uint64_t)I->import_garbage[g] : 0;
    S->gc.startup_tracked -= n <= S->gc.startup_tracked ? n : S->gc.startup_tracked;
    I->import_garbage[g] = 0;
}

long stdlib_import_garbage(PyRun *I, int gen)
{
    if (I->import_garbage[0] < 0 || I->import_garbage[1] < 0) { /* where it is: not known */
        if (collected_since(I, 2, gen) || gen == 2) {
            bool before = collected_since(I, 2, gen);
            I->import_garbage[0] = I->import_garbage[1] = 0;
            return before ? 0 : -1;
        }
        return -1;
    }
    long found = 0;
    for (int g = 0; g < 2; g++) {
        if (I->import_garbage[g] == 0)
            continue;
        if (collected_since(I, g, gen)) /* an automatic collection took it already */
            forget(I, g);
        else if (g <= gen) {
            found += I->import_garbage[g];
            forget(I, g);
        }
    }
    return found;
}

bool stdlib_result_discarded(PyRun *I)
{
    if (I->nframes == 0)
        return false;
    const Frame *f = &I->frames[I->nframes - 1];
    const PyCode *co = &I->codes[f->code];
    return f->ip < co->nops && OPCODE(co->ops[f->ip]) == OP_POP_TOP;
}
