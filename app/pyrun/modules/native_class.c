/*
 * native_class: the classes of threading, queue, concurrent.futures and
 * multiprocessing that the model makes from its built-in methods (see
 * native_class.h): a class dict of __module__ and the methods, one base,
 * marked native so that the VM calls the methods as C functions.
 */
#include <string.h>

#include "pyrun/modules/native_class.h"
#include "pyrun/types/types.h"

#define S (I->sim)

SimId nc_method(PyRun *I, const BuiltinDef *table, int n, BuiltinFn fn)
{
    for (int i = 0; i < n; i++)
        if (table[i].fn == fn)
            return sim_builtin(S, (uint32_t)bi_index_of(&table[i]), 0);
    return 0;
}

SimId nc_class(PyRun *I, const char *module, const char *name, SimId base, const char *const *names,
               const BuiltinFn *fns, int nfns, int flags, NcMethod method)
{
    SimId ns = sim_dict(S);
    bi_dict_put(I, ns, "__module__", sim_str_intern(S, module, strlen(module)));
    for (int i = 0; i < nfns; i++)
        bi_dict_put(I, ns, names[i], method(I, fns[i]));
    SimId nm = sim_str_intern(S, name, strlen(name));
    sim_incref(S, nm); /* the name and the qualname */
    SimId bases = sim_tuple(S, 1);
    SimId b = base ? base : S->type_object;
    sim_incref(S, b);
    sim_tuple_set(S, bases, 0, b);
    SimId mro[2] = {b, S->type_object};
    SimClassSpec spec = {.name = nm, .qualname = nm, .bases = bases, .dict = ns, .best = base, .mro = mro,
                         .nmro = base ? 2 : 1, .add_dict = (flags & NC_DICT) != 0,
                         .add_weak = (flags & NC_WEAK) != 0, .layout = 0};
    SimId cls = sim_class_new(S, &spec);
    if (sim_obj(S, cls)->data)
        sim_items(S, cls)[SIM_TY_FLAGS] |= SIM_TYF_NATIVE;
    return cls;
}
