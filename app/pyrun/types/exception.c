/*
 * exception: raising (the C-level exception state of the VM), the built-in
 * exception classes and their hierarchy, and matching in except clauses.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "pyrun/interp.h"

#define S (I->sim)

static const struct { const char *name, *base; } exc_table[] = {
    {"BaseException", NULL}, {"Exception", "BaseException"},
    {"ArithmeticError", "Exception"}, {"ZeroDivisionError", "ArithmeticError"},
    {"OverflowError", "ArithmeticError"}, {"LookupError", "Exception"},
    {"IndexError", "LookupError"}, {"KeyError", "LookupError"}, {"NameError", "Exception"},
    {"UnboundLocalError", "NameError"}, {"TypeError", "Exception"}, {"ValueError", "Exception"},
    {"AttributeError", "Exception"}, {"RuntimeError", "Exception"},
    {"RecursionError", "RuntimeError"}, {"NotImplementedError", "RuntimeError"},
    {"AssertionError", "Exception"}, {"StopIteration", "Exception"},
    {"ImportError", "Exception"}, {"ModuleNotFoundError", "ImportError"},
    {"SyntaxError", "Exception"}, {"IndentationError", "SyntaxError"},
    {"MemoryError", "Exception"}, {"SystemError", "Exception"},
    {"KeyboardInterrupt", "BaseException"}, {"ReferenceError", "Exception"},
};
#define NEXC (sizeof exc_table / sizeof exc_table[0])

void errors_init(PyRun *I)
{
    for (unsigned i = 0; i < NEXC && i < 32; i++) {
        SimId base = 0;
        if (exc_table[i].base)
            for (unsigned j = 0; j < i; j++)
                if (strcmp(exc_table[j].name, exc_table[i].base) == 0)
                    base = I->exc_types[j];
        if (base)
            sim_incref(S, base);
        SimId name = sim_str_intern(S, exc_table[i].name, strlen(exc_table[i].name));
        SimId t = sim_type_new(S, name, base, sim_dict(S));
        I->exc_types[i] = t;
        sim_incref(S, name);
        sim_incref(S, t);
        sim_dict_set(S, I->builtins, name, t);
    }
}

static SimId exc_class_named(PyRun *I, const char *name)
{
    for (unsigned i = 0; i < NEXC && i < 32; i++)
        if (strcmp(exc_table[i].name, name) == 0)
            return I->exc_types[i];
    return 0;
}

bool exc_matches(PyRun *I, SimId type_obj, const char *raised)
{
    if (sim_kind(S, type_obj) == SK_TUPLE) {
        for (uint32_t i = 0; i < sim_obj(S, type_obj)->len; i++)
            if (exc_matches(I, sim_items(S, type_obj)[i], raised))
                return true;
        return false;
    }
    if (sim_kind(S, type_obj) != SK_TYPE)
        return false;
    if (!raised) /* is it an exception class at all? */
        return I->exc_types[0] && sim_is_subtype(S, type_obj, I->exc_types[0]) &&
               type_obj != S->type_object;
    SimId cls = I->err_obj ? sim_obj(S, I->err_obj)->type : exc_class_named(I, raised);
    if (!cls)
        return false;
    return sim_is_subtype(S, cls, type_obj) && type_obj != S->type_object;
}

SimId exc_instance(PyRun *I)
{
    if (I->err_obj) {
        sim_incref(S, I->err_obj);
        return I->err_obj;
    }
    SimId cls = exc_class_named(I, I->err.type);
    if (!cls)
        cls = I->exc_types[1];
    SimId e = sim_instance(S, cls);
    /* an exception raised without a message has no args (PyErr_NoMemory) */
    SimId args = sim_tuple(S, I->err.msg[0] ? 1 : 0);
    if (I->err.msg[0])
        sim_tuple_set(S, args, 0, sim_str(S, I->err.msg, strlen(I->err.msg)));
    sim_attr_set(S, e, sim_str_intern(S, "args", 4), args);
    sim_decref(S, sim_str_intern(S, "args", 4)); /* attr_set took its own reference */
    I->err_obj = e;
    sim_incref(S, e);
    return e;
}

void py_raise(PyRun *I, const char *type, const char *fmt, ...)
{
    if (I->err_obj) {
        SimId e = I->err_obj;
        I->err_obj = 0;
        sim_decref(S, e);
    }
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(I->err.msg, sizeof I->err.msg, fmt, ap);
    va_end(ap);
    snprintf(I->err.type, sizeof I->err.type, "%s", type);
    I->err.set = true;
    I->err.hint[0] = '\0';
    I->ntb = 0;
}

void py_no_memory(PyRun *I)
{
    sim_take_nomem(S);
    py_raise(I, "MemoryError", "%s", "");
}

bool py_mem_room(PyRun *I, uint64_t bytes)
{
    if (sim_mem_room(S, bytes, bytes / 4 + 1))
        return true;
    py_no_memory(I);
    return false;
}

