/*
 * vm_with: the with statement's instructions (compile_with.c lays them
 * out).  BEFORE_WITH looks __enter__ and __exit__ up on the manager's
 * class as CPython's _PyObject_LookupSpecial does (each a new bound
 * method), keeps the bound __exit__ on the stack and calls __enter__.
 * __exit__ gets three Nones on the way out, or the exception's class, the
 * exception and its traceback object when the body raised.
 */
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/interp.h"
#include "pyrun/types/native.h"

#define S (I->sim)
#define TOPF (I->ts->top)
#define PUSH(v) (I->ts->stack[TOPF->sp++] = (v))
#define POP() (I->ts->stack[--TOPF->sp])

/* A bound method for type(mgr).name, or 0 with CPython's TypeError. */
static SimId special(PyRun *I, SimId mgr, const char *name, bool exit, bool async)
{
    SimObj *o = sim_obj(S, mgr);
    if (sim_is_native(S, mgr)) /* contextlib's managers */
        return native_special(I, mgr, name);
    if (o->kind == SK_STRINGIO) { /* a C type's method bound to it */
        int idx = builtin_method_index(I, mgr, name);
        if (idx >= 0) {
            sim_incref(S, mgr);
            return sim_builtin(S, (uint32_t)idx, mgr);
        }
    }
    bool own = o->kind == SK_INSTANCE || (sim_is_subinst(S, mgr) && dunder_defines(I, mgr, name));
    SimId f = own ? sim_type_lookup(S, o->type, name) : 0;
    if (f && sim_kind(S, f) == SK_FUNC) {
        sim_incref(S, f);
        sim_incref(S, mgr);
        return sim_method(S, f, mgr);
    }
    if (f && weakref_native_method(I, f)) { /* threading's locks */
        sim_incref(S, mgr);
        return sim_builtin(S, SIM_V(S, f, SK_BUILTIN, builtin.index), mgr);
    }
    if (f || (o->kind != SK_INSTANCE && !modelled_attr_missing(I, mgr, name, strlen(name))))
        return py_not_modelled(I, 0, "'%s' on a '%s' object", async ? "async with" : "with", op_typename(I, mgr)), 0;
    py_raise(I, EXC_TypeError, "'%s' object does not support the %scontext manager protocol%s", op_typename(I, mgr),
             async ? "asynchronous " : "", exit ? async ? " (missed __aexit__ method)" : " (missed __exit__ method)" : "");
    return 0;
}

SimId vm_special(PyRun *I, SimId mgr, const char *name, bool exit) { return special(I, mgr, name, exit, false); }

bool vm_before_with(PyRun *I, int async)
{
    SimId mgr = I->ts->stack[TOPF->sp - 1];
    SimId enter = special(I, mgr, async ? "__aenter__" : "__enter__", false, async);
    if (!enter)
        return false;
    SimId exit = special(I, mgr, async ? "__aexit__" : "__exit__", true, async);
    if (!exit) {
        sim_decref(S, enter);
        return false;
    }
    I->ts->stack[TOPF->sp - 1] = exit; /* SET_TOP(exit); Py_DECREF(mgr) */
    sim_decref(S, mgr);
    SimId res = vm_call(I, enter, NULL, 0);
    sim_decref(S, enter);
    if (!res)
        return false;
    PUSH(res);
    return true;
}

bool vm_with_exit(PyRun *I, int k)
{
    Frame *f = TOPF;
    uint32_t at = f->sp - 1 - (uint32_t)(k & ~WITH_EXIT_ASYNC);
    SimId exit = I->ts->stack[at];
    for (uint32_t i = at; i + 1 < f->sp; i++) /* what is above it moves down */
        I->ts->stack[i] = I->ts->stack[i + 1];
    I->ts->stack[--f->sp] = 0;
    SimId args[3] = {S->none, S->none, S->none};
    SimId r = vm_call(I, exit, args, 3);
    sim_decref(S, exit);
    if (!r)
        return false;
    if (k & WITH_EXIT_ASYNC) /* awaited next */
        I->ts->stack[f->sp++] = r;
    else
        sim_decref(S, r);
    return true;
}

/* WITH_EXCEPT_START: __exit__(type, value, traceback) of the exception
 * being handled; what it returns is pushed. */
bool vm_with_except(PyRun *I)
{
    SimId exit = I->ts->stack[TOPF->sp - 1];
    SimId e = exc_handled_top(I);
    SimId tb = sim_exc_get(S, e, SIM_EXC_TRACEBACK);
    SimId args[3] = {sim_obj(S, e)->type, e, tb ? tb : S->none};
    SimId r = vm_call(I, exit, args, 3);
    if (!r) /* its own exception replaces the body's (chained to it) */
        return false;
    PUSH(r);
    return true;
}
