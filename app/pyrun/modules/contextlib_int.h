/*
 * contextlib_int: what contextlib.c and contextlib_exit.c (ExitStack,
 * redirect_stdout, redirect_stderr) share.
 */
#ifndef PYDIVE_PYRUN_MODULES_CONTEXTLIB_INT_H
#define PYDIVE_PYRUN_MODULES_CONTEXTLIB_INT_H

#include "pyrun/builtins.h"

/* Is v one of contextlib's managers (a native with __enter__/__exit__)? */
bool contextlib_special_kind(PyRun *I, SimId v);

/* contextlib_exit.c: the constructors, ExitStack's methods (a[0] is self) */
SimId cl_exitstack(PyRun *I, SimId *a, int n, SimId kw);
SimId cl_redirect_stdout(PyRun *I, SimId *a, int n, SimId kw);
SimId cl_redirect_stderr(PyRun *I, SimId *a, int n, SimId kw);
SimId es_enter_context(PyRun *I, SimId *a, int n, SimId kw);
SimId es_push(PyRun *I, SimId *a, int n, SimId kw);
SimId es_callback(PyRun *I, SimId *a, int n, SimId kw);
SimId es_pop_all(PyRun *I, SimId *a, int n, SimId kw);
SimId es_close(PyRun *I, SimId *a, int n, SimId kw);
/* __enter__ and __exit__(exc[3]) of an ExitStack or a redirect */
SimId cl_exit_enter(PyRun *I, SimId self);
SimId cl_exit_exit(PyRun *I, SimId self, SimId *exc);

#endif
