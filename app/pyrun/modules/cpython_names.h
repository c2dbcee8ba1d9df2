/*
 * cpython_names: what the real interpreters have — builtins, standard
 * library modules, attributes of the built-in types and of the modules
 * pydive models — per version, generated into cpython_names.c by
 * tests/tools/gen-cpython-names.py. pydive asks it to tell a construct
 * the model does not have (an honest refusal) from one CPython does not
 * have either (NameError, AttributeError, ModuleNotFoundError).
 */
#ifndef PYDIVE_PYRUN_CPYTHON_NAMES_H
#define PYDIVE_PYRUN_CPYTHON_NAMES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sim/profile.h"

typedef struct CpyName {
    const char *name;
    uint8_t versions; /* bit 0: 3.11, bit 1: 3.12, bit 2: 3.13 */
} CpyName;

typedef struct CpyNameSet {
    const CpyName *names; /* sorted by strcmp */
    size_t n;
} CpyNameSet;

typedef struct CpyNamedSet {
    const char *name; /* NULL ends a list */
    CpyNameSet set;
} CpyNamedSet;

extern const CpyNameSet cpython_builtins, cpython_stdlib;
extern const CpyNamedSet cpython_types[], cpython_modules[];

/* Does the CPython of version v have name[0..n) in set? (3.13t and 3.14
 * answer as 3.13.) */
bool cpython_has(const CpyNameSet *set, const char *name, size_t n, SimVersion v);
/* dir() of a built-in type or a modelled module by name; NULL if not listed. */
const CpyNameSet *cpython_type_names(const char *type);
const CpyNameSet *cpython_module_names(const char *module);

#endif
