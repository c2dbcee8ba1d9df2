/*
 * native: the standard modules' objects that are neither iterators nor
 * classes of the program — operator.itemgetter / attrgetter, functools.partial,
 * the lru_cache wrapper — held as composite objects (sim/iter.c) and
 * dispatched here to the module that made them.
 */
#ifndef PYDIVE_PYRUN_TYPES_NATIVE_H
#define PYDIVE_PYRUN_TYPES_NATIVE_H

#include "pyrun/builtins.h"

/* Can it be called (callable(), a call)? */
bool native_callable(PyRun *I, SimId v);
/* obj(*args) with the last len(kwnames) arguments named: a new reference,
 * or 0 with the error raised. */
SimId native_call(PyRun *I, SimId obj, SimId *args, int nargs, SimId kwnames);
/* Its repr into out; false with the error raised. */
bool native_repr(PyRun *I, SimId obj, Buf *out);
/* Its attribute `name` (a new reference, or 0 with the error raised);
 * *found false when it has none the model knows. */
SimId native_attr(PyRun *I, SimId obj, SimId name, bool *found);
/* The dict of a native object that has one (the lru_cache wrapper's, the
 * function @contextmanager returns), borrowed; 0 for the others. */
SimId native_dict(PyRun *I, SimId obj);
/* The bound __enter__ or __exit__ of a native context manager (a new
 * reference), or 0 with CPython's TypeError. */
SimId native_special(PyRun *I, SimId mgr, const char *name);
/* Is v a built-in the model makes of what CPython writes in Python
 * (functools.wraps, update_wrapper, total_ordering's methods, lru_cache,
 * contextlib.contextmanager)?  Its repr and size would not be CPython's. */
bool native_python_level(PyRun *I, SimId v);
/* What CPython's object is then ("a Python function", "a class", "a bound
 * method"), for the refusal; NULL when it is a built-in as the model's is. */
const char *native_python_what(PyRun *I, SimId v);
/* A CacheInfo (a namedtuple in CPython) used as a tuple — iterated,
 * indexed, compared: refused (true), as the model keeps it as a record. */
bool native_tuple_refused(PyRun *I, SimId v);
/* Is v a tracemalloc object of that type (SIM_XT_TM_*)? (str(), indexing, iter()) */
bool native_is_tm(PyRun *I, SimId v, SimXType which);
/* An object of CPython's from before the program (sys.stdout, __main__'s
 * __loader__): no block of the model's pools, no GC traffic. */
SimId native_static(PyRun *I, SimXType xt, uint32_t nints);
/* Is v one of those that CPython's collector tracks? */
bool native_static_tracked(PyRun *I, SimId v);
/* The built-in `def` (an entry of a module's table) bound to self, as a
 * method read on it gives (self's reference is taken). */
SimId native_bound(PyRun *I, const BuiltinDef *def, SimId self);

/* Each module's part (modules/operator.c, modules/functools.c) */
SimId operator_native_call(PyRun *I, SimId obj, SimId *args, int nargs, SimId kwnames);
bool operator_native_repr(PyRun *I, SimId obj, Buf *out);
SimId functools_native_call(PyRun *I, SimId obj, SimId *args, int nargs, SimId kwnames);
bool functools_native_repr(PyRun *I, SimId obj, Buf *out);
SimId functools_native_attr(PyRun *I, SimId obj, const char *name, bool *found);
SimId contextlib_native_call(PyRun *I, SimId obj, SimId *args, int nargs, SimId kwnames);
bool contextlib_native_repr(PyRun *I, SimId obj, Buf *out);
SimId contextlib_native_attr(PyRun *I, SimId obj, const char *name, bool *found);
SimId contextlib_native_dict(PyRun *I, SimId obj);
/* string_template.c: a Template's attribute (*found false: none of that name) */
SimId string_template_attr(PyRun *I, SimId t, const char *name, bool *found);
/* the bound method `name` of a contextlib manager, 0 for other objects */
SimId contextlib_special(PyRun *I, SimId mgr, const char *name);

#endif
