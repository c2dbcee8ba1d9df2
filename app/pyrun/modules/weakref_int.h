/*
 * weakref_int: what the files of the weakref module share.  Its Python
 * classes (WeakValueDictionary, WeakKeyDictionary, WeakSet, finalize) are
 * classes the module makes at its import, whose methods are built-ins
 * (SIM_TYF_NATIVE); their instances hold what CPython's hold, under the
 * same attribute names (`data`, `_remove`, `_pending_removals`,
 * `_iterating`), so that sizes, refcounts and the collector's counts move
 * as CPython's do.
 */
#ifndef PYDIVE_PYRUN_MODULES_WEAKREF_INT_H
#define PYDIVE_PYRUN_MODULES_WEAKREF_INT_H

#include "pyrun/builtins.h"

/* ---- weakref.c: the native classes --------------------------------------- */
/* The class of the model's own `name` (borrowed; 0 before the import). */
SimId wr_class(PyRun *I, const char *name);
/* sim_weakref refused obj: CPython's TypeError, or a refusal where CPython
 * would make the reference and the model does not (a built-in function, a
 * native class's instance).  Always false. */
bool wr_cannot(PyRun *I, SimId obj);
/* Is obj an instance of the native class `name`? */
bool wr_is(PyRun *I, SimId obj, const char *name);
/* The instance attribute `name` (borrowed), or 0. */
SimId wr_attr(PyRun *I, SimId inst, const char *name);
/* inst.name = v (v stolen). */
void wr_set_attr(PyRun *I, SimId inst, const char *name, SimId v);
/* A method's positional arguments after self: TypeError in CPython's words
 * for a Python method `qual` when not within [min, max]. */
bool wr_nargs(PyRun *I, const char *qual, int n, int min, int max, const char *first);
/* The `remove` callback an instance holds: a built-in bound to the tuple
 * (ref(self), None) as CPython's function holds its defaults.  `def_name`
 * names its definition in weakref_functions.  A new reference. */
SimId wr_remover(PyRun *I, SimId self, const char *def_name, int ndefaults);
/* The container a remover belongs to (borrowed), 0 once it died. */
SimId wr_remover_owner(PyRun *I, SimId defaults);
/* Marks inst's `_iterating` set while C code walks its data, and commits
 * the removals the callbacks deferred meanwhile (unguard). */
void wr_guard(PyRun *I, SimId inst);
void wr_unguard(PyRun *I, SimId inst);
/* A lazy walk of a container's data, as its generator method makes one:
 * mode 0 keys, 1 values, 2 items. */
SimId wr_gen_new(PyRun *I, SimId inst, int mode);

/* ---- weakref_dict.c ------------------------------------------------------- */
SimId wvd_init(PyRun *I, SimId *a, int n, SimId kw);
SimId wvd_remove(PyRun *I, SimId *a, int n, SimId kw);
SimId wvd_getitem(PyRun *I, SimId *a, int n, SimId kw);
SimId wvd_setitem(PyRun *I, SimId *a, int n, SimId kw);
SimId wvd_delitem(PyRun *I, SimId *a, int n, SimId kw);
SimId wvd_contains(PyRun *I, SimId *a, int n, SimId kw);
SimId wvd_len(PyRun *I, SimId *a, int n, SimId kw);
SimId wvd_get(PyRun *I, SimId *a, int n, SimId kw);
SimId wvd_pop(PyRun *I, SimId *a, int n, SimId kw);
SimId wvd_setdefault(PyRun *I, SimId *a, int n, SimId kw);
SimId wvd_update(PyRun *I, SimId *a, int n, SimId kw);
SimId wvd_repr(PyRun *I, SimId *a, int n, SimId kw);
SimId wkd_init(PyRun *I, SimId *a, int n, SimId kw);
SimId wkd_remove(PyRun *I, SimId *a, int n, SimId kw);
SimId wkd_getitem(PyRun *I, SimId *a, int n, SimId kw);
SimId wkd_setitem(PyRun *I, SimId *a, int n, SimId kw);
SimId wkd_delitem(PyRun *I, SimId *a, int n, SimId kw);
SimId wkd_contains(PyRun *I, SimId *a, int n, SimId kw);
SimId wkd_len(PyRun *I, SimId *a, int n, SimId kw);
SimId wkd_get(PyRun *I, SimId *a, int n, SimId kw);
SimId wkd_pop(PyRun *I, SimId *a, int n, SimId kw);
SimId wkd_update(PyRun *I, SimId *a, int n, SimId kw);
SimId wkd_setdefault(PyRun *I, SimId *a, int n, SimId kw);
SimId wc_compare(PyRun *I, SimId *a, int n, SimId kw);
SimId wc_keys(PyRun *I, SimId *a, int n, SimId kw);
SimId wc_values(PyRun *I, SimId *a, int n, SimId kw);
SimId wc_items(PyRun *I, SimId *a, int n, SimId kw);
/* The next item of a weak container's generator (SIM_XT_WR_GEN*), 0 at its end. */
SimId weakref_gen_next(PyRun *I, SimId it);

/* ---- weakref_set.c -------------------------------------------------------- */
SimId ws_init(PyRun *I, SimId *a, int n, SimId kw);
SimId ws_remove_cb(PyRun *I, SimId *a, int n, SimId kw);
SimId ws_add(PyRun *I, SimId *a, int n, SimId kw);
SimId ws_discard(PyRun *I, SimId *a, int n, SimId kw);
SimId ws_remove(PyRun *I, SimId *a, int n, SimId kw);
SimId ws_contains(PyRun *I, SimId *a, int n, SimId kw);
SimId ws_len(PyRun *I, SimId *a, int n, SimId kw);
SimId ws_iter(PyRun *I, SimId *a, int n, SimId kw);
SimId ws_repr(PyRun *I, SimId *a, int n, SimId kw);
SimId fin_init(PyRun *I, SimId *a, int n, SimId kw);
SimId fin_call(PyRun *I, SimId *a, int n, SimId kw);
SimId fin_detach(PyRun *I, SimId *a, int n, SimId kw);
SimId fin_peek(PyRun *I, SimId *a, int n, SimId kw);
SimId fin_repr(PyRun *I, SimId *a, int n, SimId kw);
/* finalize's `alive` and `atexit`, read on an instance (a new reference), or 0 */
SimId fin_attr(PyRun *I, SimId f, const char *name, bool *found);
/* f.atexit = value */
bool fin_set_atexit(PyRun *I, SimId f, SimId value);
/* the class attributes that hold finalize's records */
void fin_add_properties(PyRun *I, SimId cls);

#endif
