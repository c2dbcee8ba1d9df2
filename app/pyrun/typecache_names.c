/*
 * typecache_names: the strs a program used as attribute names at run time
 * (getattr, setattr, hasattr, delattr). CPython's type method cache
 * (_PyType_Lookup) keeps a reference to each name it caches, in a table
 * indexed by the type's version and the name's address, so such a name's
 * refcount depends on addresses: sys.getrefcount() of it is refused. A set
 * of ids (an id reused by a later object errs on the side of refusing).
 */
#include <stdlib.h>

#include "base/xalloc.h"
#include "pyrun/interp.h"

static uint32_t slot_of(SimId id, uint32_t mask) { return (id * 2654435761u) & mask; }

void typecache_name_seen(PyRun *I, SimId name)
{
    if (sim_obj(I->sim, name)->flags & SIM_F_IMMORTAL)
        return; /* its count never moves */
    if (2 * (I->nattr_names + 1) > I->capattr_names) {
        uint32_t cap = I->capattr_names ? 2 * I->capattr_names : 64;
        SimId *t = xcalloc(cap, sizeof *t);
        for (uint32_t i = 0; i < I->capattr_names; i++) {
            SimId v = I->attr_names[i];
            if (!v)
                continue;
            uint32_t j = slot_of(v, cap - 1);
            while (t[j])
                j = (j + 1) & (cap - 1);
            t[j] = v;
        }
        free(I->attr_names);
        I->attr_names = t;
        I->capattr_names = cap;
    }
    uint32_t j = slot_of(name, I->capattr_names - 1);
    while (I->attr_names[j] && I->attr_names[j] != name)
        j = (j + 1) & (I->capattr_names - 1);
    if (!I->attr_names[j]) {
        I->attr_names[j] = name;
        I->nattr_names++;
    }
}

bool typecache_name_held(const PyRun *I, SimId name)
{
    if (!I->capattr_names)
        return false;
    uint32_t j = slot_of(name, I->capattr_names - 1);
    while (I->attr_names[j]) {
        if (I->attr_names[j] == name)
            return true;
        j = (j + 1) & (I->capattr_names - 1);
    }
    return false;
}
