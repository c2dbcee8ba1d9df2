/*
 * json: what the module's two files share (json.c: dumps and the module;
 * json_loads.c: loads).
 */
#ifndef PYDIVE_PYRUN_JSON_H
#define PYDIVE_PYRUN_JSON_H

#include "pyrun/builtins.h"

/* After a call that runs Python code in CPython: the young count is unsure. */
void json_note(PyRun *I, const char *what);
/* dumps'/loads' keywords: those in `known` run, CPython's others are
 * refused, any other is the class's TypeError; false with it raised. */
bool json_kw_check(PyRun *I, SimId kw, const char *fn, const char *known);
SimId json_loads(PyRun *I, SimId *args, int nargs, SimId kw);

#endif
