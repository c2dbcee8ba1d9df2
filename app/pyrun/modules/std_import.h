/*
 * std_import: the GC traffic of the first import of a standard module the
 * model does not replay object by object (std_import.c). Internal to
 * pyrun/modules.
 */
#ifndef PYDIVE_PYRUN_MODULES_STD_IMPORT_H
#define PYDIVE_PYRUN_MODULES_STD_IMPORT_H

#include "pyrun/builtins.h"

enum { STD_ITERTOOLS, STD_MATH, STD_OPERATOR, STD_FUNCTOOLS, STD_CONTEXTLIB, STD_COPY, STD_COLLECTIONS,
       STD_WEAKREF, /* replayed by weakref.c itself (weakref_on_import) */
       STD_DATACLASSES,
       STD_RANDOM, STD_STRING,
       STD_ENUM, STD_JSON, STD_PPRINT, STD_TYPING, STD_ARRAY, STD_REPRLIB, STD_THREADING, STD_HEAPQ, STD_BISECT, STD_TEXTWRAP, STD_FRACTIONS, STD_TRACEBACK, STD_STATISTICS, STD_DATETIME,
       STD_COUNT };
#define STD_BIT(k) (1u << (k))

/* The free lists' stocks each import leaves from the clean state, per
 * profile (3.11, 3.12, 3.13), measured (std_import_stocks.c, generated). */
extern const SimFreeStock std_import_stocks[STD_COUNT][3];
/* After the import `which` ran from the clean state: its stocks parked,
 * or, from any other state, the young count refused. */
void std_import_stock(PyRun *I, int which, bool exact);
/* After a collection of generation `gen` that freed `collected`: the
 * garbage an import left was among it */
void std_import_collected(PyRun *I, int gen, long collected);
/* the free lists hold nothing (the clean state's) */
bool std_freelists_empty(PyRun *I);

/* The import of module `which` (STD_*), after registry.c made its object:
 * its allocations, collections, garbage and survivors as CPython's import
 * leaves them from the clean state; from any other state, or when another
 * import came first, the counts and the next collection's result become
 * unsure (gc.c refuses them). An import that an earlier one already did
 * (operator after functools) costs nothing. */
void std_import(PyRun *I, int which);


#endif
