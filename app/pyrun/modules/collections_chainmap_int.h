/*
 * collections_chainmap_int: what collections_chainmap.c (the class, lookup,
 * changes) and collections_chainops.c (fromkeys and the | operators)
 * share.  Internal to pyrun/modules.
 */
#ifndef PYDIVE_PYRUN_MODULES_COLLECTIONS_CHAINMAP_INT_H
#define PYDIVE_PYRUN_MODULES_COLLECTIONS_CHAINMAP_INT_H

#include "pyrun/builtins.h"

/* the young count and the traced figures refused after Lib's code */
void chainmap_note(PyRun *I);
/* self.maps (borrowed, an exact list) or 0 raised/refused */
SimId cm_maps_of(PyRun *I, SimId self);
/* obj.name(args...), type(self)(args...): new references or 0 */
SimId cm_call_method(PyRun *I, SimId obj, const char *name, SimId *args, int n);
SimId cm_new_like(PyRun *I, SimId self, SimId *args, int n);
/* self.maps[0] (borrowed; IndexError for no maps) */
SimId cm_first_map(PyRun *I, SimId self);
/* a Mapping the model can walk (a dict of any kind, a ChainMap); dict(m.items()) of one */
bool cm_walkable(PyRun *I, SimId m);
SimId cm_as_dict(PyRun *I, SimId m);

/* collections_chainops.c */
SimId cm_or(PyRun *I, SimId *a, int n, SimId kw);
SimId cm_ior(PyRun *I, SimId *a, int n, SimId kw);
SimId cm_ror(PyRun *I, SimId *a, int n, SimId kw);
SimId cm_fromkeys(PyRun *I, SimId *a, int n, SimId kw);

#endif
