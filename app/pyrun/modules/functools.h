/*
 * functools: what the files of the functools module share. Internal to
 * pyrun/modules.
 */
#ifndef PYDIVE_PYRUN_MODULES_FUNCTOOLS_H
#define PYDIVE_PYRUN_MODULES_FUNCTOOLS_H

#include "pyrun/builtins.h"

/* a partial's references, in partial_traverse's order */
enum { PT_FN, PT_ARGS, PT_KW, PT_DICT, PT_NREFS };

/* PyCallable_Check */
bool ft_callable(PyRun *I, SimId v);

/* functools_wrap.c: update_wrapper, wraps, total_ordering (BuiltinFn
 * entries of the module's table) and the module's data attributes */
SimId ft_update_wrapper(PyRun *I, SimId *a, int n, SimId kw);
SimId ft_wraps(PyRun *I, SimId *a, int n, SimId kw);
SimId ft_total_ordering(PyRun *I, SimId *a, int n, SimId kw);
void ft_wrap_init(PyRun *I, SimId dict);
/* total_ordering's comparison methods, Lib/functools.py's _gt_from_lt ...;
 * is m one of them (dunder.c calls them as a class's own methods)? */
SimId ft_derived_0(PyRun *I, SimId *a, int n, SimId kw);
SimId ft_derived_1(PyRun *I, SimId *a, int n, SimId kw);
SimId ft_derived_2(PyRun *I, SimId *a, int n, SimId kw);
SimId ft_derived_3(PyRun *I, SimId *a, int n, SimId kw);
SimId ft_derived_4(PyRun *I, SimId *a, int n, SimId kw);
SimId ft_derived_5(PyRun *I, SimId *a, int n, SimId kw);
SimId ft_derived_6(PyRun *I, SimId *a, int n, SimId kw);
SimId ft_derived_7(PyRun *I, SimId *a, int n, SimId kw);
SimId ft_derived_8(PyRun *I, SimId *a, int n, SimId kw);
SimId ft_derived_9(PyRun *I, SimId *a, int n, SimId kw);
SimId ft_derived_10(PyRun *I, SimId *a, int n, SimId kw);
SimId ft_derived_11(PyRun *I, SimId *a, int n, SimId kw);
#define FT_ORDER_DEFS \
    BUILTIN("_gt_from_lt", 0, BM_FUNCTOOLS, ft_derived_0), BUILTIN("_le_from_lt", 0, BM_FUNCTOOLS, ft_derived_1), \
    BUILTIN("_ge_from_lt", 0, BM_FUNCTOOLS, ft_derived_2), BUILTIN("_ge_from_le", 0, BM_FUNCTOOLS, ft_derived_3), \
    BUILTIN("_lt_from_le", 0, BM_FUNCTOOLS, ft_derived_4), BUILTIN("_gt_from_le", 0, BM_FUNCTOOLS, ft_derived_5), \
    BUILTIN("_lt_from_gt", 0, BM_FUNCTOOLS, ft_derived_6), BUILTIN("_ge_from_gt", 0, BM_FUNCTOOLS, ft_derived_7), \
    BUILTIN("_le_from_gt", 0, BM_FUNCTOOLS, ft_derived_8), BUILTIN("_le_from_ge", 0, BM_FUNCTOOLS, ft_derived_9), \
    BUILTIN("_gt_from_ge", 0, BM_FUNCTOOLS, ft_derived_10), BUILTIN("_lt_from_ge", 0, BM_FUNCTOOLS, ft_derived_11)
#define FT_WRAP_DEFS \
    BUILTIN("update_wrapper", 0, BM_FUNCTOOLS, ft_update_wrapper, .kw = "wrapper wrapped assigned updated"), \
    BUILTIN("wraps", 0, BM_FUNCTOOLS, ft_wraps, .kw = "wrapped assigned updated"), \
    BUILTIN("total_ordering", 0, BM_FUNCTOOLS, ft_total_ordering, .style = ARGS_RANGE, .min = 1, .max = 1)

/* functools_lru.c: lru_cache, cache, the decorating function and the
 * cache_parameters lambda (methods of the (maxsize, typed) tuple they are
 * bound to), cache_info and cache_clear; the wrapper's call, repr,
 * attributes, __dict__ and attribute setting (update_wrapper's) */
SimId ft_lru_cache(PyRun *I, SimId *a, int n, SimId kw);
SimId ft_cache(PyRun *I, SimId *a, int n, SimId kw);
SimId ft_decorating_function(PyRun *I, SimId *a, int n, SimId kw);
SimId ft_cache_parameters(PyRun *I, SimId *a, int n, SimId kw);
SimId ft_cache_info(PyRun *I, SimId *a, int n, SimId kw);
SimId ft_cache_clear(PyRun *I, SimId *a, int n, SimId kw);
SimId ft_lru_call(PyRun *I, SimId w, SimId *args, int nargs, SimId kwnames);
bool ft_lru_repr(PyRun *I, SimId w, Buf *out);
SimId ft_lru_attr(PyRun *I, SimId w, const char *name, bool *found);
SimId ft_lru_dict(PyRun *I, SimId w);
/* owner SK_SENTINEL: bound methods no object finds by name */
#define FT_LRU_DEFS \
    BUILTIN("lru_cache", 0, BM_FUNCTOOLS, ft_lru_cache, .kw = "maxsize typed"), \
    BUILTIN("cache", 0, BM_FUNCTOOLS, ft_cache, .style = ARGS_RANGE, .min = 1, .max = 1), \
    BUILTIN("decorating_function", SK_SENTINEL, BM_FUNCTOOLS, ft_decorating_function), \
    BUILTIN("cache_parameters", SK_SENTINEL, BM_FUNCTOOLS, ft_cache_parameters), \
    BUILTIN("cache_info", SK_SENTINEL, BM_FUNCTOOLS, ft_cache_info), \
    BUILTIN("cache_clear", SK_SENTINEL, BM_FUNCTOOLS, ft_cache_clear)

#endif
