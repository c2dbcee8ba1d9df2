/*
 * io: the module — its StringIO type (types/stringio.c). CPython imports
 * io while it starts (sys.stdout is one of its objects), so `import io`
 * finds it in sys.modules and allocates nothing. BytesIO, open() and the
 * rest are refused.
 */
#include "pyrun/builtins.h"
#include "pyrun/types/types.h"

#define S (I->sim)

const BuiltinDef io_functions[] = {
    BUILTIN("StringIO", 0, BM_IO, stringio_construct), /* replaced by the type in io_module_init */
};
const int io_nfunctions = (int)(sizeof io_functions / sizeof io_functions[0]);

void io_module_init(PyRun *I, SimId d)
{
    sim_incref(S, S->types[SK_STRINGIO]);
    bi_dict_put(I, d, "StringIO", S->types[SK_STRINGIO]);
}

void io_on_import(PyRun *I) { (void)I; /* already imported at start-up: no traffic */ }
