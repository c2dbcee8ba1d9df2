/*
 * native_class: a module's classes whose methods are entries of the
 * module's BuiltinDef table (threading's, queue's, concurrent.futures's,
 * multiprocessing's), made the one way (native_class.c).  Internal to
 * pyrun/modules.
 */
#ifndef PYDIVE_PYRUN_MODULES_NATIVE_CLASS_H
#define PYDIVE_PYRUN_MODULES_NATIVE_CLASS_H

#include "pyrun/builtins.h"

enum { NC_DICT = 1, NC_WEAK = 2 }; /* its instances have a __dict__, take weak references */

/* table[0..n)'s entry for fn as a callable (a new reference), 0 when none */
SimId nc_method(PyRun *I, const BuiltinDef *table, int n, BuiltinFn fn);
/* The module's lookup of its built-in fn (a new reference) */
typedef SimId (*NcMethod)(PyRun *I, BuiltinFn fn);
/* The class module.name (base 0: object) whose dict holds __module__ then
 * names[i] = method(fns[i]), flags NC_*: a new reference. */
SimId nc_class(PyRun *I, const char *module, const char *name, SimId base, const char *const *names,
               const BuiltinFn *fns, int nfns, int flags, NcMethod method);

#endif
