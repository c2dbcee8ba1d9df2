/*
 * compile_depth: CPython's co_stacksize for a generator's code, which the
 * generator object's size counts (one word per slot).
 */
#include "pyrun/compile_int.h"

int cg_stack_depth(const Cg *g, int n)
{
    (void)g, (void)n;
    return -1;
}
