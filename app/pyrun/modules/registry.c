/*
 * registry: every built-in callable in one numbering — the builtins
 * module's functions and the methods classes reach through their objects,
 * then the methods of the built-in types (the method index), then each
 * module's functions in py_modules' order (module_table.c). The first
 * indices of each part are counted from the tables, never written by hand.
 */
#include <stdlib.h>

#include "base/xalloc.h"
#include "pyrun/builtins.h"
#include "pyrun/modules/collections.h"
#include "pyrun/modules/registry_int.h"
#include "pyrun/modules/textwrap_int.h"
#include "pyrun/types/types.h"

/* The builtins module's functions, then the methods of classes the model
 * makes (reached through their objects, out of the method index). */
static const DefTable class_tables[] = {
    {function_defs, &function_ndefs},
    {counter_methods, &counter_nmethods}, /* a class's, not a type's: out of the method index */
    {namedtuple_methods, &namedtuple_nmethods},
    {odict_methods, &odict_nmethods}, /* a class's too */
    {chainmap_methods, &chainmap_nmethods}, /* ChainMap's: reached through its class */
    {chainview_methods, &chainview_nmethods}, /* its views' classes', the same way */
    {textwrap_class_methods, &textwrap_class_nmethods}, /* textwrap.TextWrapper's, the same way */
    {bytesio_methods, &bytesio_nmethods}, /* io.BytesIO's: reached through its attributes */
    {futures_pool_functions, &futures_pool_nfunctions}, /* ThreadPoolExecutor's: reached through its class */
    {stdstream_methods, &stdstream_nmethods}, /* sys.stdout's and sys.stderr's, the same way */
    {enum_flag_methods, &enum_flag_nmethods}, /* enum.Flag's: reached through its class */
    {dt_op_methods, &dt_op_nmethods}, /* datetime's classes' operators, the same way */
};

/* The built-in types' methods: builtin_method_index() finds them by kind. */
static const DefTable type_tables[] = {
    {list_methods, &list_nmethods},
    {dict_methods, &dict_nmethods},
    {set_methods, &set_nmethods},
    {bytearray_methods, &bytearray_nmethods},
    {bytes_methods, &bytes_nmethods},
    {bytes_split_methods, &bytes_split_nmethods},
    {array_methods, &array_nmethods},
    {stringio_methods, &stringio_nmethods},
    {str_methods, &str_nmethods},
    {tuple_methods, &tuple_nmethods},
    {property_methods, &property_nmethods},
    {type_methods, &type_nmethods},
    {object_methods, &object_nmethods},
    {generator_methods, &generator_nmethods},
    {exception_methods, &exception_nmethods},
    {deque_methods, &deque_nmethods},
    {slice_methods, &slice_nmethods},
    {range_methods, &range_nmethods},
    {subinst_methods, &subinst_nmethods},
    {slot_methods, &slot_nmethods},
    {slot_op_methods, &slot_op_nmethods},
    {dunder_methods, &dunder_nmethods},
    {object_slot_methods, &object_slot_nmethods},
    {scalarsub_methods, &scalarsub_nmethods},
    {defaultdict_methods, &defaultdict_nmethods},
    {int_methods, &int_nmethods},
    {complex_methods, &complex_nmethods},
    {number_methods, &number_nmethods},
};

#define NTAB(a) ((int)(sizeof(a) / sizeof(a)[0]))
enum { FIRST_METHODS = NTAB(class_tables), FIRST_MODULE = FIRST_METHODS + NTAB(type_tables) };

int registry_ntables(void) { return FIRST_MODULE + py_nmodules; }

DefTable registry_table(int t)
{
    if (t < FIRST_METHODS)
        return class_tables[t];
    if (t < FIRST_MODULE)
        return type_tables[t - FIRST_METHODS];
    const ModuleDef *m = &py_modules[t - FIRST_MODULE];
    return (DefTable){m->functions, m->nfunctions};
}

int registry_table_base(int t)
{
    int base = 0;
    for (int i = 0; i < t; i++)
        base += *registry_table(i).n;
    return base;
}

int registry_module_base(int m) { return registry_table_base(FIRST_MODULE + m); }

/* Every def by its global index, made on the first look (one per call of a
 * built-in: the walk along the tables was a tenth of a method call's time). */
static const BuiltinDef **flat_defs;
static uint32_t nflat_defs;

const BuiltinDef *bi_def(uint32_t i)
{
    if (!flat_defs) {
        int nt = registry_ntables();
        uint32_t n = (uint32_t)registry_table_base(nt);
        const BuiltinDef **all = xmalloc((n ? n : 1) * sizeof *all);
        for (int t = 0, k = 0; t < nt; t++) {
            DefTable d = registry_table(t);
            for (int j = 0; j < *d.n; j++)
                all[k++] = &d.defs[j];
        }
        nflat_defs = n;
        flat_defs = all;
    }
    return i < nflat_defs ? flat_defs[i] : NULL;
}

int bi_count(void) { return registry_table_base(registry_ntables()); }

int bi_index_of(const BuiltinDef *d)
{
    for (int t = 0, nt = registry_ntables(); t < nt; t++) {
        DefTable tab = registry_table(t);
        if (d >= tab.defs && d < tab.defs + *tab.n)
            return registry_table_base(t) + (int)(d - tab.defs);
    }
    return -1;
}

void bi_method_range(int *first, int *end)
{
    *first = registry_table_base(FIRST_METHODS);
    *end = registry_table_base(FIRST_MODULE);
}

const char *pyrun_builtin_name(uint32_t index)
{
    const BuiltinDef *d = bi_def(index);
    return d ? d->name : "?";
}
