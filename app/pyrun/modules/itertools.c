/*
 * itertools: the module's iterator objects (placeholder: none is modelled
 * yet; an object of these types cannot be made).
 */
#include "pyrun/builtins.h"
#include "pyrun/types/types.h"

#define S (I->sim)

SimId itertools_next(PyRun *I, SimId it, SimXType xt)
{
    (void)it;
    return py_not_modelled(I, 0, "the iterator %s", sim_type_obj_name(S, S->xtypes[xt])), 0;
}
