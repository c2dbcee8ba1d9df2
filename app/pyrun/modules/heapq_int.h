/*
 * heapq_int: what heapq.c's C heap shares with heapq_select.c (Lib/heapq.py's
 * nlargest and nsmallest).  Internal to pyrun/modules.
 */
#ifndef PYDIVE_PYRUN_MODULES_HEAPQ_INT_H
#define PYDIVE_PYRUN_MODULES_HEAPQ_INT_H

#include "pyrun/builtins.h"

/* a < b as PyObject_RichCompareBool: 1, 0, or -1 with the error raised */
int heapq_lt(PyRun *I, SimId a, SimId b);
/* _siftdown / _siftdown_max: the item at pos moves up past its parents
 * down to start (heappush: start 0, pos the last); false raised */
bool heapq_siftdown(PyRun *I, SimId heap, uint32_t start, uint32_t pos, bool max);
/* _siftup / _siftup_max at pos; heapify / _heapify_max; heapreplace /
 * _heapreplace_max (the old top, a new reference; item borrowed): false or
 * 0 with the error raised */
bool heapq_siftup(PyRun *I, SimId heap, uint32_t pos, bool max);
bool heapq_heapify(PyRun *I, SimId heap, bool max);
SimId heapq_replace(PyRun *I, SimId heap, SimId item, bool max);
/* nlargest(n, iterable, key=None), nsmallest(...) (BuiltinFn) */
SimId heapq_nlargest(PyRun *I, SimId *a, int n, SimId kw);
SimId heapq_nsmallest(PyRun *I, SimId *a, int n, SimId kw);

#endif
