/*
 * itertools: what the two files of the itertools module share. Internal
 * to pyrun/modules.
 */
#ifndef PYDIVE_PYRUN_MODULES_ITERTOOLS_H
#define PYDIVE_PYRUN_MODULES_ITERTOOLS_H

#include "pyrun/builtins.h"

/* type_call's argument tuple and keyword dict, made before a tp_new
 * constructor runs (none when it came from f(*args): CPython passes the
 * tuple it has); tp_args_done drops them and returns `result`. */
typedef struct TpArgs {
    SimId args, kwargs;
} TpArgs;
TpArgs tp_args(PyRun *I, SimId *a, int n, SimId kw);
SimId tp_args_done(PyRun *I, TpArgs *t, SimId result);
/* Argument `pos` given by position or as keyword `name` (borrowed), or 0. */
SimId itertools_arg(PyRun *I, SimId *a, int n, SimId kw, int pos, const char *name);

/* itertools_fn.c: the constructors (BuiltinFn) of accumulate, starmap,
 * takewhile, dropwhile, filterfalse, compress, zip_longest, pairwise; the
 * next item of those and (through itertools_comb_next) the others */
SimId it_accumulate(PyRun *I, SimId *a, int n, SimId kw);
SimId it_starmap(PyRun *I, SimId *a, int n, SimId kw);
SimId it_takewhile(PyRun *I, SimId *a, int n, SimId kw);
SimId it_dropwhile(PyRun *I, SimId *a, int n, SimId kw);
SimId it_filterfalse(PyRun *I, SimId *a, int n, SimId kw);
SimId it_compress(PyRun *I, SimId *a, int n, SimId kw);
SimId it_zip_longest(PyRun *I, SimId *a, int n, SimId kw);
SimId it_pairwise(PyRun *I, SimId *a, int n, SimId kw);
SimId it_tee(PyRun *I, SimId *a, int n, SimId kw);
SimId itertools_fn_next(PyRun *I, SimId it, SimXType xt);

/* itertools_comb.c: the constructors (BuiltinFn) and next items of
 * product, permutations, combinations(_with_replacement), groupby */
SimId it_product(PyRun *I, SimId *a, int n, SimId kw);
SimId it_permutations(PyRun *I, SimId *a, int n, SimId kw);
SimId it_combinations(PyRun *I, SimId *a, int n, SimId kw);
SimId it_cwr(PyRun *I, SimId *a, int n, SimId kw);
SimId it_groupby(PyRun *I, SimId *a, int n, SimId kw);
SimId itertools_comb_next(PyRun *I, SimId it, SimXType xt);

#endif
