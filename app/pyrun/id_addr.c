/*
 * id_addr: the addresses id() answers.  Whether two objects share an
 * address is the model's to say (its allocator reuses blocks as pymalloc
 * does); how far apart two live objects lie is not: it depends on where the
 * blocks CPython's startup used and freed sit in their pools, which the
 * model does not replay.  So id() notes each address it gives, and an int
 * subtraction or ordering of two noted addresses that differ is refused.
 */
#include <stdlib.h>

#include "base/xalloc.h"
#include "pyrun/interp.h"

static size_t slot_of(uint64_t a, size_t cap) { return (size_t)((a >> 4) * 0x9e3779b97f4a7c15ull) & (cap - 1); }

static bool seen(const PyRun *I, uint64_t a)
{
    if (!I->ids_cap || !a)
        return false;
    for (size_t i = slot_of(a, I->ids_cap);; i = (i + 1) & (I->ids_cap - 1)) {
        if (I->ids_seen[i] == a)
            return true;
        if (!I->ids_seen[i])
            return false;
    }
}

static void insert(uint64_t *t, size_t cap, uint64_t a)
{
    size_t i = slot_of(a, cap);
    while (t[i] && t[i] != a)
        i = (i + 1) & (cap - 1);
    t[i] = a;
}

void id_addr_note(PyRun *I, uint64_t addr)
{
    if (!addr || seen(I, addr))
        return;
    if ((I->nids_seen + 1) * 2 > I->ids_cap) {
        size_t cap = I->ids_cap ? I->ids_cap * 2 : 64;
        uint64_t *t = xcalloc(cap, sizeof *t);
        for (size_t i = 0; i < I->ids_cap; i++)
            if (I->ids_seen[i])
                insert(t, cap, I->ids_seen[i]);
        free(I->ids_seen);
        I->ids_seen = t;
        I->ids_cap = cap;
    }
    insert(I->ids_seen, I->ids_cap, addr);
    I->nids_seen++;
}

bool id_addr_refused(PyRun *I, int op, int64_t a, int64_t b)
{
    bool order = op == OP_LT || op == OP_LE || op == OP_GT || op == OP_GE;
    if ((op != OP_SUB && !order) || a == b || !I->nids_seen)
        return false;
    if (!seen(I, (uint64_t)a) || !seen(I, (uint64_t)b))
        return false;
    py_not_modelled(I, 0, "how far apart two objects lie in memory (where CPython puts a new object depends on "
                          "the pool blocks its startup left free; that two share an address is modelled)");
    return true;
}
