/*
 * generator: the generator type's methods (send, throw, close) and
 * attributes; running them is vm_gen.c's.
 */
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/types/types.h"

#define S (I->sim)

static SimId g_send(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return vm_gen_send(I, a[0], a[1]);
}

static SimId g_throw(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (n > 2) /* throw(type, value, tb): deprecated since 3.12, with a warning */
        return py_not_modelled(I, 0, "generator.throw() with more than one argument"), 0;
    SimId e = a[1];
    bool cls = sim_kind(S, e) == SK_TYPE && exc_is_class(I, e);
    bool inst = sim_kind(S, e) == SK_INSTANCE && exc_is_class(I, sim_obj(S, e)->type);
    if (!cls && !inst) {
        py_raise(I, EXC_TypeError, "exceptions must be classes or instances deriving from BaseException, not %s",
                 op_typename(I, e));
        return 0;
    }
    sim_incref(S, e);
    vm_raise_value(I, e);
    return vm_gen_throw(I, a[0]);
}

static SimId g_close(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return vm_gen_close(I, a[0]) ? bi_none(I) : 0;
}

const BuiltinDef generator_methods[] = {
    BUILTIN("send", SK_GEN, 0, g_send, .style = ARGS_ONE),
    BUILTIN("throw", SK_GEN, 0, g_throw, .style = ARGS_RANGE, .min = 1, .max = 3),
    BUILTIN("close", SK_GEN, 0, g_close, .style = ARGS_NONE),
};
const int generator_nmethods = (int)(sizeof generator_methods / sizeof generator_methods[0]);

static SimId ref(PyRun *I, SimId v)
{
    sim_incref(S, v);
    return v;
}

SimId generator_attr(PyRun *I, SimId g, const char *name, bool *found)
{
    const SimObj *o = sim_obj(S, g);
    const PyCode *co = &I->codes[o->v.gen.code];
    *found = true;
    if (strcmp(name, "__name__") == 0)
        return ref(I, co->name);
    if (strcmp(name, "__qualname__") == 0)
        return ref(I, co->qualname);
    /* a generator's gi_*, a coroutine's cr_* */
    bool coro = o->v.gen.flavor == SIM_GEN_CORO;
    if (strncmp(name, coro ? "cr_" : "gi_", 3) != 0) {
        if (coro && strcmp(name, "__await__") == 0)
            return py_not_modelled(I, 0, "'coroutine.__await__' (the coroutine_wrapper type)"), 0;
        *found = false;
        return 0;
    }
    const char *attr = name + 3;
    if (strcmp(attr, "running") == 0)
        return sim_bool(S, o->sub == SIM_GEN_RUNNING);
    if (strcmp(attr, "suspended") == 0)
        return sim_bool(S, o->sub == SIM_GEN_SUSPENDED);
    if (strcmp(attr, coro ? "await" : "yieldfrom") == 0) {
        SimId sub = vm_gen_yield_from_target(I, g);
        return ref(I, sub ? sub : S->none);
    }
    if (coro && strcmp(attr, "origin") == 0) /* coroutine origin tracking is off by default */
        return ref(I, S->none);
    if (strcmp(attr, "frame") == 0) {
        if (o->sub == SIM_GEN_CLOSED) /* FRAME_STATE_FINISHED: no frame any more */
            return ref(I, S->none);
        return py_not_modelled(I, 0, "frame objects ('%s.%s')", coro ? "coroutine" : "generator", name), 0;
    }
    if (strcmp(attr, "code") == 0)
        return py_not_modelled(I, 0, "code objects ('%s.%s')", coro ? "coroutine" : "generator", name), 0;
    *found = false;
    return 0;
}
