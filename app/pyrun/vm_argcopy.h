/*
 * vm_argcopy: a call's arguments copied where no allocation moves them.
 * A tuple's items (sim_items) live in the payload array, which the next
 * allocation may move, so a call given them (vm_call, builtins_call) runs
 * on a copy; a bound method's call puts its self before the arguments.
 * Up to ARGCOPY_LOCAL items stay in the holder, more go to the heap.
 */
#ifndef PYDIVE_PYRUN_VM_ARGCOPY_H
#define PYDIVE_PYRUN_VM_ARGCOPY_H

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "sim/sim.h"

#define ARGCOPY_LOCAL 8

typedef struct ArgCopy {
    SimId local[ARGCOPY_LOCAL];
    SimId *items; /* local, or the heap's */
} ArgCopy;

/* self (unless 0), then args[0..nargs) (args may be NULL when nargs is 0),
 * copied into c: the copy's first item.  argcopy_free releases it. */
static inline SimId *argcopy(ArgCopy *c, SimId self, const SimId *args, int nargs)
{
    size_t n = (size_t)nargs + (self != 0);
    c->items = n <= ARGCOPY_LOCAL ? c->local : xmalloc(n * sizeof *c->items);
    SimId *p = c->items;
    if (self)
        *p++ = self;
    if (nargs > 0)
        memcpy(p, args, (size_t)nargs * sizeof *p);
    return c->items;
}

static inline void argcopy_free(ArgCopy *c)
{
    if (c->items != c->local)
        free(c->items);
}

#endif
