/*
 * vm_special: where CPython 3.12+'s specialised instructions move
 * references differently from the generic ones, and so change what
 * sys.getrefcount reports.  An instruction specialises on its second run
 * (the adaptive counter starts at 1); the model remembers, per
 * instruction, that it ran (PyCode.warm).
 *
 * LOAD_ATTR_PROPERTY: a property whose getter is a plain function of one
 * parameter is entered inline, the owner's stack reference becoming the
 * getter's `self`; the generic LOAD_ATTR calls the getter from C
 * (property_descr_get), the owner staying on the stack meanwhile.
 */
#include <stdio.h>
#include <stdlib.h>

#include "base/xalloc.h"
#include "pyrun/interp.h"

#define S (I->sim)
#define F (I->ts->top)
#define CO (&I->codes[F->code])

/* Has this instruction run before?  Marks it as run. */
static bool warm(PyRun *I)
{
    PyCode *co = CO;
    if (!co->warm)
        co->warm = xcalloc(co->nops ? co->nops : 1, 1);
    uint32_t ip = F->ip - 1;
    bool was = co->warm[ip] != 0;
    co->warm[ip] = 1;
    return was;
}

/* The getter LOAD_ATTR_PROPERTY would enter for name on owner, or 0
 * (function_check_args: one positional parameter, nothing else). */
static SimId simple_getter(PyRun *I, SimId owner, SimId name)
{
    if (sim_kind(S, owner) != SK_INSTANCE)
        return 0;
    SimId p = sim_type_lookup_str(S, sim_obj(S, owner)->type, name);
    if (!p || sim_kind(S, p) != SK_PROPERTY)
        return 0;
    SimId fget = sim_items(S, p)[0];
    if (!fget || sim_kind(S, fget) != SK_FUNC)
        return 0;
    const PyCode *co = &I->codes[SIM_V(S, fget, SK_FUNC, func.code)];
    return co->nargs == 1 && co->nkwonly == 0 && co->vararg < 0 && co->kwarg < 0 ? fget : 0;
}

int vm_load_attr(PyRun *I, SimId owner, int arg)
{
    SimId name = vm_name_const(I, arg);
    if (S->prof->property_specializes && warm(I)) {
        SimId fget = simple_getter(I, owner, name);
        if (fget) {
            sim_incref(S, fget);
            return vm_call_python(I, fget, 0, &owner, 1, 0, FR_NORMAL) ? 2 : 0;
        }
    }
    SimId r = attr_get(I, owner, name);
    sim_decref(S, owner);
    if (!r)
        return 0;
    Frame *f = F;
    I->ts->stack[f->sp++] = r;
    return 1;
}
