/*
 * enum_int: what enum.c (the members' and the class's operations) and
 * enum_make.c (the class statement, the module) share. Internal to
 * pyrun/modules.
 */
#ifndef PYDIVE_PYRUN_MODULES_ENUM_INT_H
#define PYDIVE_PYRUN_MODULES_ENUM_INT_H

#include "pyrun/builtins.h"

/* The young count is unknown after `what` ran CPython's Python code. */
void enum_note(PyRun *I, const char *what);
/* cls.__dict__[name], a member's attribute (borrowed or 0) */
SimId enum_cls_attr(PyRun *I, SimId cls, const char *name);
SimId enum_member_attr(PyRun *I, SimId m, const char *name);
/* cls._member_names_ (borrowed list, or 0 before the class has members) */
SimId enum_names_of(PyRun *I, SimId cls);
const char *enum_class_name(PyRun *I, SimId cls, size_t *n);
/* the name and value properties' getters (enum.c) */
SimId enum_name_getter(PyRun *I, SimId *a, int n, SimId kw);
SimId enum_value_getter(PyRun *I, SimId *a, int n, SimId kw);

#endif
