/*
 * builtins_int: the table of built-in callables (functions, module
 * functions of gc/sys/weakref, methods of built-in types) shared by
 * builtins.c, methods.c and modules.c.
 */
#ifndef PYDIVE_PYRUN_BUILTINS_H
#define PYDIVE_PYRUN_BUILTINS_H

#include "pyrun/interp.h"

/* args include self for methods; kw = tuple naming the last len(kw) args */
typedef SimId (*BuiltinFn)(PyRun *I, SimId *args, int nargs, SimId kw);

typedef struct BuiltinDef {
    const char *name;
    uint8_t owner;     /* 0: function; else the SimKind of self */
    uint8_t module;    /* BM_* */
    BuiltinFn fn;
} BuiltinDef;

enum { BM_BUILTINS, BM_GC, BM_SYS, BM_WEAKREF };

extern const BuiltinDef function_defs[], method_defs[], module_defs[];
extern const int function_ndefs, method_ndefs, module_ndefs;
/* The definition with a global index (functions, then methods, then modules). */
const BuiltinDef *bi_def(uint32_t index);
int bi_count(void);

/* helpers for implementations */
bool bi_nargs(PyRun *I, const char *name, int nargs, int min, int max);
SimId bi_kwarg(PyRun *I, SimId *args, int nargs, SimId kw, const char *name);
int bi_npos(PyRun *I, int nargs, SimId kw);
bool bi_int_arg(PyRun *I, SimId v, int64_t *out);
SimId bi_list_from(PyRun *I, SimId iterable);
SimId bi_none(PyRun *I);
/* The argument tuple a METH_VARARGS function or tp_call makes (and frees
 * into the tuple free list). */
void bi_args_tuple(PyRun *I, int n);

/* textio.c: print() and sys.stdout's pending buffer */
SimId textio_print(PyRun *I, SimId *args, int nargs, SimId kw);
void textio_flush(PyRun *I);

/* the tables of the other files */
SimId type_construct(PyRun *I, int kind, SimId *args, int nargs, SimId kw);
SimId weakref_call(PyRun *I, SimId wr);

#endif
