/*
 * forkpages: the copy-on-write pages of a forked child (multiprocessing's
 * fork start method), counted on the model's heap as chapter 3's
 * fork-memory lab counts them statistically (lab/gil/cow.h).
 *
 * At the fork every page that holds an object of the parent's is shared
 * with the parent.  The child's first write to such a page copies it: a
 * reference count changed (reading an object from Python code increments
 * and decrements its count, so reading is enough; immortal objects, 3.12+,
 * are not written), an object freed there, and a collection's gc_refs
 * written into each object it examines.  Counted per 4 KiB page of the
 * objects' modelled addresses (the page holding the object's header); the
 * pool headers pymalloc writes when a block of a parent's pool is taken or
 * given back, a container's separate item array written in place, and the
 * interpreter's static objects (the data segment) are not counted.  The
 * hook is biased counting's (sim/brc.h): s->brc is set in the child.
 */
#ifndef PYDIVE_SIM_FORKPAGES_H
#define PYDIVE_SIM_FORKPAGES_H

#include <stdint.h>

#include "sim/sim.h"

typedef struct SimForkPages SimForkPages;

/* In the child, right after the fork: the parent's pages, all shared. */
void sim_forkpages_begin(Sim *s);
/* The child writes the header of object id (brc.c, gc.c). */
void sim__forkpages_touch(Sim *s, SimId id);
/* The pages holding the parent's objects at the fork, and how many of them
 * the child has copied so far (0, 0 when not begun). */
void sim_forkpages_counts(const Sim *s, int64_t *shared, int64_t *copied);
void sim__forkpages_free(SimForkPages *f);

#endif
