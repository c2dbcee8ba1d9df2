/*
 * builtins_scope: globals(), locals() and vars() without an argument — the
 * namespaces of the frame that calls them (bltinmodule.c's builtin_globals,
 * builtin_locals, builtin_vars).
 *
 * globals() is the module's dict itself, wherever it is called: a write
 * through it (`globals()["x"] = 1`) is a write to the module's names.  At
 * module level locals() is that same dict, and in a class body the class's
 * namespace while the body runs (neither optimised, so 3.11-3.13 agree:
 * PyEval_GetLocals / _PyFrame_GetLocals hand the frame's f_locals back).
 * In a function they differ: 3.11 and 3.12 make the frame object and fill
 * one f_locals dict it keeps, refreshed at each call; 3.13 (PEP 667) gives a
 * new snapshot dict each time, copied from a FrameLocalsProxy.  The model
 * has neither, so locals() and vars() in a function (a lambda, a generator,
 * a comprehension) are refused.
 */
#include "pyrun/builtins.h"

#define S (I->sim)

static const Frame *caller(PyRun *I) { return I->ts->top; }

SimId builtin_globals(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)a, (void)n, (void)kw; /* METH_NOARGS: the caller checked */
    const Frame *f = caller(I);
    SimId g = f ? f->globals : I->globals;
    sim_incref(S, g);
    return g;
}

/* The caller's f_locals, or 0 refused (what: "locals()" or "vars()"). */
SimId builtin_scope_locals(PyRun *I, const char *what)
{
    const Frame *f = caller(I);
    if (!f || !f->locals)
        return py_not_modelled(I, 0, "%s inside a function (the frame's f_locals: a dict the frame object keeps on "
                               "3.11/3.12, a new snapshot on 3.13)", what), (SimId)0;
    if (S->prof->version == SIM_V312) { /* _PyFrame_GetLocals(frame, include_hidden=1): an empty
                                          * dict for an inlined comprehension's hidden locals */
        SimId hidden = sim_dict(S);
        sim_decref(S, hidden);
    }
    sim_incref(S, f->locals);
    return f->locals;
}

SimId builtin_locals(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)a, (void)n, (void)kw;
    return builtin_scope_locals(I, "locals()");
}
