/*
 * range: the range type's constructor.
 */
#include "pyrun/builtins.h"
#include "pyrun/types/types.h"

#define S (I->sim)

SimId range_construct(PyRun *I, SimId *a, int n, SimId kw)
{
    int np = bi_npos(I, n, kw);
    int64_t v[3] = {0, 0, 1};
    if (!bi_nargs(I, "range", np, 1, 3))
        return 0;
    for (int i = 0; i < np; i++)
        if ((sim_kind(S, a[i]) == SK_INT && sim_obj(S, a[i])->sub == 1 &&
             !py_not_modelled(I, 0, "a range whose bounds go beyond 64 bits")) ||
            !bi_int_arg(I, a[i], &v[np == 1 ? 1 : i]))
            return 0;
    if (v[2] == 0) {
        py_raise(I, EXC_ValueError, "range() arg 3 must not be zero");
        return 0;
    }
    return sim_range(S, v[0], v[1], v[2]);
}
