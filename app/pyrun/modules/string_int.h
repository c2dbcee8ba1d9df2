/*
 * string_int: what string.c and string_template.c (string.Template) share.
 */
#ifndef PYDIVE_PYRUN_MODULES_STRING_INT_H
#define PYDIVE_PYRUN_MODULES_STRING_INT_H

#include "pyrun/builtins.h"

/* string.c: the module's def of that name (Template's methods) */
const BuiltinDef *string_def_named(const char *name);

/* string_template.c: Template(template) and its methods (a[0] is self) */
SimId string_template_new(PyRun *I, SimId *a, int n, SimId kw);
SimId string_template_substitute(PyRun *I, SimId *a, int n, SimId kw);
SimId string_template_safe_substitute(PyRun *I, SimId *a, int n, SimId kw);
SimId string_template_identifiers(PyRun *I, SimId *a, int n, SimId kw);
SimId string_template_is_valid(PyRun *I, SimId *a, int n, SimId kw);

#endif
