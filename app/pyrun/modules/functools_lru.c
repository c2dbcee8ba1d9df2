/*
 * functools_lru: the lru_cache wrapper (functools._lru_cache_wrapper).
 * Not made yet: lru_cache and cache are refused by the names table, so no
 * wrapper exists; these answer for the type's slots meanwhile.
 */
#include "pyrun/builtins.h"
#include "pyrun/modules/functools.h"

SimId ft_lru_call(PyRun *I, SimId w, SimId *args, int nargs, SimId kwnames)
{
    (void)w, (void)args, (void)nargs, (void)kwnames;
    return py_not_modelled(I, 0, "functools.lru_cache"), 0;
}

bool ft_lru_repr(PyRun *I, SimId w, Buf *out)
{
    (void)w, (void)out;
    return py_not_modelled(I, 0, "functools.lru_cache");
}

SimId ft_lru_attr(PyRun *I, SimId w, const char *name, bool *found)
{
    (void)I, (void)w, (void)name;
    *found = false;
    return 0;
}
