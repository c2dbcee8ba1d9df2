/*
 * io: the module — its StringIO type (types/stringio.c). CPython imports
 * io while it starts (sys.stdout is one of its objects), so `import io`
 * finds it in sys.modules and allocates nothing. BytesIO is types/bytesio.c;
 * open() and the rest are refused.
 */
#include <stdio.h>

#include "pyrun/builtins.h"
#include "pyrun/types/types.h"

#define S (I->sim)

const BuiltinDef io_functions[] = {
    BUILTIN("StringIO", 0, BM_IO, stringio_construct), /* replaced by the type in io_module_init */
    BUILTIN("BytesIO", 0, BM_IO, bytesio_construct, .kw = "initial_bytes"),
};
const int io_nfunctions = (int)(sizeof io_functions / sizeof io_functions[0]);

void io_module_init(PyRun *I, SimId d)
{
    sim_incref(S, S->types[SK_STRINGIO]);
    bi_dict_put(I, d, "StringIO", S->types[SK_STRINGIO]);
    sim_incref(S, S->xtypes[SIM_XT_IO_BYTESIO]);
    bi_dict_put(I, d, "BytesIO", S->xtypes[SIM_XT_IO_BYTESIO]);
}

void io_on_import(PyRun *I) { (void)I; /* already imported at start-up: no traffic */ }

/* 3.11's io.py has a module __getattr__ (for the deprecated OpenWrapper): a
 * failed lookup on io runs it. First module_getattro's own lookup fails (its
 * AttributeError made and cleared), then __getattr__ raises another from its
 * frame; the frame's object, still referenced by the traceback when the frame
 * ends, takes it over and makes its caller's frame object (f_back), which
 * stays while the caller runs. The traceback has io's frame, which the model
 * has not, so the error is the library's: refused if it is ever shown
 * (raised: the lookup's error is the program's, not one C code clears). */
void io_getattr_miss_311(PyRun *I, const char *nm, size_t n, bool raised)
{
    char msg[160];
    snprintf(msg, sizeof msg, "'module' object has no attribute '%.*s'", (int)(n > 100 ? 100 : n), nm);
    exc_made_and_cleared(I, EXC_AttributeError, msg);
    snprintf(msg, sizeof msg, "module 'io' has no attribute '%.*s'", (int)(n > 100 ? 100 : n), nm);
    SimId frame = sim_frame_new(S, 8); /* __getattr__: co_nlocalsplus 2 + co_stacksize 6 */
    exc_made_and_cleared(I, EXC_AttributeError, msg);
    if (I->ts->nframes > 0)
        (void)tb_frame_object(I, I->ts->nframes - 1);
    sim_decref(S, frame);
    if (raised) {
        I->err_library = "io's module __getattr__ (3.11)";
        I->err_library_line = py_current_line(I);
    }
}
