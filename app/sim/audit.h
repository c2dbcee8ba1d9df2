/*
 * audit: recounts what the model claims (Lua's lua_checkmemory, for the
 * simulated CPython).
 *
 * Every live object's reference count must equal the references the
 * objects hold (sim_owned_refs, the references each kind's deallocator
 * drops) plus the ones the host holds (its roots: the VM stack, frames,
 * globals, code constants, caches), reported by a callback.  Objects with
 * static or immortal counts (they include references the model does not
 * keep one by one) are only checked for being referred to while freed.
 * The allocator's totals are recounted from its pools, arenas and blocks,
 * and every block in use must belong to an object, a free list or the
 * start-up heap.
 */
#ifndef PYDIVE_SIM_AUDIT_H
#define PYDIVE_SIM_AUDIT_H

#include <stdbool.h>

#include "base/buf.h"
#include "sim/sim.h"

/* Calls visit(s, ref, arg) once per reference the host owns. */
typedef void (*SimRootsFn)(void *ctx, Sim *s, SimVisit visit, void *arg);

/* Calls fn on every reference `id` owns (more than sim_traverse, which
 * follows tp_traverse: str keys, a class's base, a weakref's callback). */
void sim_owned_refs(Sim *s, SimId id, SimVisit fn, void *arg);

/* Recounts refcounts and allocator totals.  Returns true when everything
 * matches; otherwise appends one line per difference (at most 20) to
 * report.  roots may be NULL (a bare heap). */
bool sim_audit(Sim *s, SimRootsFn roots, void *ctx, Buf *report);

#endif
