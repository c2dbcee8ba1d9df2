/*
 * registry_int.h: what the registry's files share — the tables of
 * built-in definitions by their number, and the pieces of the method index
 * and of a call's checks that live in their own files.
 */
#ifndef PYRUN_MODULES_REGISTRY_INT_H
#define PYRUN_MODULES_REGISTRY_INT_H

#include <stddef.h>

#include "pyrun/builtins.h"

/* One table of definitions and its length. */
typedef struct DefTable {
    const BuiltinDef *defs;
    const int *n;
} DefTable;

/* registry.c: the number of tables; table t (the class tables, the types'
 * method tables, then py_modules' function tables in their order); the
 * global index of table t's first definition, and of module m's. */
int registry_ntables(void);
DefTable registry_table(int t);
int registry_table_base(int t);
int registry_module_base(int m);

/* module_table.c: the number of entries of py_modules before its {0} */
extern const int py_nmodules;

/* registry_methods.c: builds the index builtin_method_index() reads; the
 * checks of an unbound call's self (method_vectorcall's), false raised */
void registry_method_index_build(PyRun *I);
bool registry_unbound_self_ok(PyRun *I, const BuiltinDef *d, SimId *args, int nargs, SimId kw);

/* registry_names.c: d's name as CPython's messages give it ("list.append"),
 * written into q the first time (q starts empty) */
const char *registry_qname(const BuiltinDef *d, char *q, size_t cap);

#endif
