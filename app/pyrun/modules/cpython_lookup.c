/*
 * cpython_lookup: searching the generated tables of cpython_names.c.
 */
#include <string.h>

#include "pyrun/modules/cpython_names.h"

static uint8_t version_bit(SimVersion v)
{
    switch (v) {
    case SIM_V311: return 1;
    case SIM_V312: return 2;
    default: return 4; /* 3.13, 3.13t, 3.14: 3.13's names */
    }
}

static int compare(const char *name, size_t n, const char *entry)
{
    int c = strncmp(name, entry, n);
    if (c)
        return c;
    return entry[n] ? -1 : 0;
}

bool cpython_has(const CpyNameSet *set, const char *name, size_t n, SimVersion v)
{
    if (!set)
        return false;
    size_t lo = 0, hi = set->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = compare(name, n, set->names[mid].name);
        if (c == 0)
            return (set->names[mid].versions & version_bit(v)) != 0;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return false;
}

static const CpyNameSet *find(const CpyNamedSet *list, const char *name)
{
    for (; list->name; list++)
        if (strcmp(list->name, name) == 0)
            return &list->set;
    return NULL;
}

const CpyNameSet *cpython_type_names(const char *type) { return find(cpython_types, type); }
const CpyNameSet *cpython_module_names(const char *module) { return find(cpython_modules, module); }
