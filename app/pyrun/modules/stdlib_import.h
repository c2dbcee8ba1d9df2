/*
 * stdlib_import: the first import of copy and collections, modules CPython
 * writes in Python.  Their objects are not modelled one by one; what the
 * program can see of them is: the young count's traffic (with the
 * automatic collections it runs), the tracked survivors gc.get_objects()
 * counts, and the cyclic garbage the import leaves for the next
 * collections.  Internal to pyrun/modules.
 */
#ifndef PYDIVE_PYRUN_MODULES_STDLIB_IMPORT_H
#define PYDIVE_PYRUN_MODULES_STDLIB_IMPORT_H

#include "pyrun/builtins.h"

typedef enum StdModule { STD_COPY, STD_COLLECTIONS, STD_NMODULES } StdModule;

/* The import's traffic, from the state the program is in. */
void stdlib_import(PyRun *I, StdModule m);

/* The garbage an import left that a collection of generation `gen` finds
 * now (and forgets); -1 when it is not known from the state the import
 * ran in.  Called by gc.collect() after it ran. */
long stdlib_import_garbage(PyRun *I, int gen);

/* Is the result of the built-in running now dropped by the next
 * instruction (a call as a statement)? */
bool stdlib_result_discarded(PyRun *I);

/* Argument `pos` given by position or as keyword `name` (borrowed), or 0
 * (itertools.c). */
SimId itertools_arg(PyRun *I, SimId *a, int n, SimId kw, int pos, const char *name);

#endif
