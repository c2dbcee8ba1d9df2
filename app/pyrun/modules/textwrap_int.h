/*
 * textwrap_int: what textwrap.c (dedent, indent, the table) and
 * textwrap_wrap.c (wrap, fill, shorten) share. Internal to pyrun/modules.
 */
#ifndef PYDIVE_PYRUN_MODULES_TEXTWRAP_INT_H
#define PYDIVE_PYRUN_MODULES_TEXTWRAP_INT_H

#include "pyrun/builtins.h"

/* A call that runs Lib/textwrap.py's Python code in CPython: the young
 * count and the traced figures are refused after it (`what` names it). */
void tw_python_level(PyRun *I, const char *what);
/* The arguments of a Python function `def fn(names...)` with `required`
 * of them without defaults, into out (0: not given); keywords not in
 * names are left to the caller. False with CPython's TypeError raised. */
bool tw_py_args(PyRun *I, const char *fn, SimId *a, int nargs, SimId kw, const char *const *names, int nnames,
                int required, SimId *out);

/* textwrap.wrap(text, width=70, **kwargs), fill and shorten(text, width,
 * **kwargs): TextWrapper's keywords, its line breaking exactly */
SimId tw_wrap(PyRun *I, SimId *a, int nargs, SimId kw);
SimId tw_fill(PyRun *I, SimId *a, int nargs, SimId kw);
SimId tw_shorten(PyRun *I, SimId *a, int nargs, SimId kw);

/* textwrap_class.c: the TextWrapper class (a new reference) and its
 * methods, read through it (registry.c numbers them) */
SimId textwrap_make_class(PyRun *I);
extern const BuiltinDef textwrap_class_methods[];
extern const int textwrap_class_nmethods;

#endif
