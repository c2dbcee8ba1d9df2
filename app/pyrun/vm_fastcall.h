/*
 * vm_fastcall: the built-in calls CPython 3.11's specializing interpreter
 * runs without the generic call path (CALL_NO_KW_LIST_APPEND, a method
 * descriptor's fast call of dict.get, CALL_NO_KW_LEN): what builtins_call does for them,
 * the state it sets and the method's work, without the checks such a call
 * passes.
 */
#ifndef PYDIVE_PYRUN_VM_FASTCALL_H
#define PYDIVE_PYRUN_VM_FASTCALL_H

#include <stdbool.h>
#include <stdint.h>

#include "pyrun/interp.h"

/* The built-in at index called with args[0..n) (n >= 1, no keywords; the
 * bound self first when bound): its result (new, or 0 with an error set)
 * in *res and true; false, having done nothing, when it is not one of
 * these calls. */
bool vm_fast_builtin_call(PyRun *I, uint32_t index, bool bound, SimId *args, int n, SimId *res);

#endif
