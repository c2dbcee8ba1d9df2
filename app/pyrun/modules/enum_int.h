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
/* enum's module attribute `name` (borrowed or 0) */
SimId enum_module_attr(PyRun *I, const char *name);
/* a member's attribute set (its __dict__'s for an IntEnum's); steals v */
void enum_set_attr(PyRun *I, SimId inst, const char *name, SimId v);
/* r, and if it is 0 with an error pending, the error marked as raised in
 * enum.py's Python code (its frames are in the traceback) */
SimId enum_from_python(PyRun *I, SimId r);

/* enum_flag.c: Flag and IntFlag */
bool enum_is_flag_class(PyRun *I, SimId cls);
bool enum_flag_value_ok(PyRun *I, SimId cls, SimId value);
void enum_flag_class_start(PyRun *I, SimId cls);
/* the masks updated for a new member; whether it is canonical (one bit) */
bool enum_flag_member_added(PyRun *I, SimId cls, SimId value);
SimId enum_flag_auto(PyRun *I, SimId *values, uint32_t n);
/* cls(value): the member, or a pseudo-member made and kept */
SimId enum_flag_lookup(PyRun *I, SimId cls, SimId value);
void enum_flag_methods_into(PyRun *I, SimId ns, bool operators_only);

#endif
