/*
 * array: the module — the type `array` (also `ArrayType`, its behaviour in
 * types/array.c and array_ops.c) and `typecodes`. Its first import loads
 * the extension through importlib: the GC traffic std_import replays.
 */
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/modules/std_import.h"
#include "pyrun/types/types.h"

#define S (I->sim)

const BuiltinDef array_functions[] = {
    BUILTIN("array", 0, BM_ARRAY, array_construct), /* the type itself (registry.c: type_named) */
};
const int array_nfunctions = (int)(sizeof array_functions / sizeof array_functions[0]);

void array_module_init(PyRun *I, SimId d)
{
    /* 3.13 adds 'w' (UCS-4); the model refuses 'u' and 'w' when an array is made */
    const char *codes = S->prof->version >= SIM_V313 ? "bBuwhHiIlLqQfd" : "bBuhHiIlLqQfd";
    bi_dict_put(I, d, "typecodes", sim_str(S, codes, strlen(codes)));
    sim_incref(S, S->types[SK_ARRAY]);
    bi_dict_put(I, d, "ArrayType", S->types[SK_ARRAY]);
}

void array_on_import(PyRun *I) { std_import(I, STD_ARRAY); }
