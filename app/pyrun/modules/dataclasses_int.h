/*
 * dataclasses_int: what the two files of the dataclasses module share.  A
 * dataclass is the program's own class; @dataclass adds to its dict what
 * CPython's exec() of generated code adds (`__init__`, `__repr__`,
 * `__eq__`, the order methods, a frozen class's `__setattr__` and
 * `__delattr__`, `__hash__`, `__match_args__`, `__dataclass_fields__`), the
 * methods as built-ins of this module that read the fields from the class
 * they are called on.  A field is an instance of the module's `Field`
 * class with CPython's attribute names.
 */
#ifndef PYDIVE_PYRUN_MODULES_DATACLASSES_INT_H
#define PYDIVE_PYRUN_MODULES_DATACLASSES_INT_H

#include "pyrun/builtins.h"

/* The module's object `name` (borrowed): MISSING, Field, FrozenInstanceError. */
SimId dc_module_attr(PyRun *I, const char *name);
/* The fields of a dataclass (or of an instance's class) in order, as a new
 * list of Field instances of kind _FIELD; 0 when it is no dataclass. */
SimId dc_fields_of(PyRun *I, SimId cls_or_obj);
/* The same into out (borrowed, at most cap): their count, -1 when it is not
 * a dataclass, -2 when they do not fit */
int dc_fields_in(PyRun *I, SimId cls_or_obj, SimId *out, int cap);
/* A Field's attribute (borrowed). */
SimId dc_field_get(PyRun *I, SimId f, const char *name);
/* The class's option (`frozen`, `order` ...) as @dataclass set it. */
bool dc_param(PyRun *I, SimId cls, const char *name);
/* Marks the young count unsure after a generated method ran. */
void dc_note_call(PyRun *I, const char *what);
/* the young count alone is unknown after it */
void dc_note_count(PyRun *I, const char *what);

/* dataclasses_methods.c */
SimId dc_init(PyRun *I, SimId *a, int n, SimId kw);
SimId dc_repr(PyRun *I, SimId *a, int n, SimId kw);
SimId dc_eq(PyRun *I, SimId *a, int n, SimId kw);
SimId dc_lt(PyRun *I, SimId *a, int n, SimId kw);
SimId dc_le(PyRun *I, SimId *a, int n, SimId kw);
SimId dc_gt(PyRun *I, SimId *a, int n, SimId kw);
SimId dc_ge(PyRun *I, SimId *a, int n, SimId kw);
SimId dc_frozen_setattr(PyRun *I, SimId *a, int n, SimId kw);
SimId dc_frozen_delattr(PyRun *I, SimId *a, int n, SimId kw);
SimId dc_hash(PyRun *I, SimId *a, int n, SimId kw);
SimId dc_asdict(PyRun *I, SimId *a, int n, SimId kw);
SimId dc_astuple(PyRun *I, SimId *a, int n, SimId kw);
SimId dc_replace(PyRun *I, SimId *a, int n, SimId kw);

#endif
