/*
 * exception: the built-in exception types (one table, exception.h), the
 * C-level exception state of the VM (raising, asking what is pending),
 * matching in except clauses by subclass, and the honest refusal that
 * stops a program at a construct the model does not have.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "base/xalloc.h"
#include "pyrun/builtins.h"
#include "pyrun/interp.h"
#include "pyrun/types/types.h"

#define S (I->sim)

static const struct {
    const char *name;
    ExcType base;
    SimVersion since;
} exc_table[] = {
#define PY_EXC_ROW(name, base, since) {#name, EXC_##base, since},
    PY_EXCEPTION_TABLE(PY_EXC_ROW)
#undef PY_EXC_ROW
};
_Static_assert(sizeof exc_table / sizeof exc_table[0] == EXC_COUNT, "one row per ExcType");

const char *exc_name(ExcType t) { return t < EXC_COUNT ? exc_table[t].name : "?"; }

int exc_by_name(const char *name)
{
    for (int i = 0; i < EXC_COUNT; i++)
        if (strcmp(exc_table[i].name, name) == 0)
            return i;
    return -1;
}

bool exc_in_profile(const Sim *s, ExcType t) { return exc_table[t].since <= s->prof->version; }

/* Makes the class of t (and its bases first) and puts it in builtins.  One
 * made after startup (on first use) is made as CPython's static type is:
 * no heap block, no GC allocation, nothing from the free lists, untracked. */
static SimId make_class(PyRun *I, ExcType t)
{
    if (I->exc_types[t] || !exc_in_profile(S, t))
        return I->exc_types[t];
    SimId base = t == EXC_BaseException ? 0 : make_class(I, exc_table[t].base);
    if (base)
        sim_incref(S, base);
    bool was_static = S->static_alloc;
    S->static_alloc = I->exc_startup_made;
    SimId name = sim_str_intern(S, exc_table[t].name, strlen(exc_table[t].name));
    SimId dict = sim_dict(S);
    SimId cls = sim_type_new(S, name, base, dict, false);
    S->static_alloc = was_static;
    if (I->exc_startup_made) {
        SimId mro = sim_items(S, cls)[SIM_TY_MRO];
        SimId parts[] = {cls, dict, mro};
        for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
            if (!parts[i])
                continue;
            sim_untrack(S, parts[i]);
            sim_obj(S, parts[i])->flags |= SIM_F_STATIC;
        }
    }
    if (t == EXC_ExceptionGroup) { /* bases (BaseExceptionGroup, Exception): Exception joins its __mro__ */
        SimId exc = make_class(I, EXC_Exception), old = sim_items(S, cls)[SIM_TY_MRO];
        SimId mro = sim_tuple(S, 5), order[] = {cls, base, exc, I->exc_types[EXC_BaseException], S->type_object};
        for (size_t i = 0; i < 5; i++)
            sim_tuple_set(S, mro, i, (sim_incref(S, order[i]), order[i]));
        if (I->exc_startup_made) {
            sim_untrack(S, mro);
            sim_obj(S, mro)->flags |= SIM_F_STATIC;
        }
        sim_items(S, cls)[SIM_TY_MRO] = mro;
        sim_obj(S, old)->flags &= ~SIM_F_STATIC;
        sim_decref(S, old);
    }
    if (S->prof->immortal_refcnt) /* a static type's tp_mro, immortal as the type is */
        sim_obj(S, sim_items(S, cls)[SIM_TY_MRO])->flags |= SIM_F_IMMORTAL;
    I->exc_types[t] = cls;
    sim_incref(S, name);
    sim_incref(S, cls);
    sim_dict_set(S, I->builtins, name, cls);
    return cls;
}

/* The classes that exist on the model's heap from startup, in the order the
 * startup figures were calibrated with (CPython's are static types and take
 * no heap; the model's heap from startup is measured, so it must not grow).
 * The others are made when a program first names or raises one. */
static const ExcType startup_classes[] = {
    EXC_BaseException, EXC_Exception, EXC_ArithmeticError, EXC_ZeroDivisionError,
    EXC_OverflowError, EXC_LookupError, EXC_IndexError, EXC_KeyError, EXC_NameError,
    EXC_UnboundLocalError, EXC_TypeError, EXC_ValueError, EXC_AttributeError, EXC_RuntimeError,
    EXC_RecursionError, EXC_NotImplementedError, EXC_AssertionError, EXC_StopIteration,
    EXC_ImportError, EXC_ModuleNotFoundError, EXC_SyntaxError, EXC_IndentationError,
    EXC_MemoryError, EXC_SystemError, EXC_KeyboardInterrupt, EXC_ReferenceError,
};

void errors_init(PyRun *I)
{
    memset(I->exc_types, 0, sizeof I->exc_types);
    for (size_t i = 0; i < sizeof startup_classes / sizeof startup_classes[0]; i++)
        make_class(I, startup_classes[i]);
    I->exc_startup_made = true;
}

SimId exc_class(PyRun *I, ExcType t) { return make_class(I, t); }

SimId exc_subclass_in(PyRun *I, const char *module, const char *name, SimId base)
{
    SimId ns = sim_dict(S);
    bi_dict_put(I, ns, "__module__", sim_str_intern(S, module, strlen(module)));
    SimId nm = sim_str_intern(S, name, strlen(name)), bases = sim_tuple(S, 1);
    sim_incref(S, base);
    sim_tuple_set(S, bases, 0, base);
    SimId cls = class_build(I, nm, ns, bases);
    sim_decref(S, nm), sim_decref(S, ns), sim_decref(S, bases);
    return cls;
}

SimId exc_module_instance(PyRun *I, const char *module, const char *cls, const char *msg)
{
    SimId m = module_find_loaded(I, module);
    SimId c = m ? sim_dict_get_str(S, SIM_V(S, m, SK_MODULE, module.dict), cls) : 0;
    if (!c)
        return 0;
    SimId args = sim_tuple(S, 1);
    sim_tuple_set(S, args, 0, sim_str(S, msg, strlen(msg)));
    return exc_new(I, c, args);
}

SimId exc_class_named(PyRun *I, const char *name, size_t n)
{
    for (int i = 0; i < EXC_COUNT; i++)
        if (strlen(exc_table[i].name) == n && memcmp(exc_table[i].name, name, n) == 0)
            return make_class(I, (ExcType)i);
    return 0;
}

bool exc_is_builtin_type(PyRun *I, SimId cls)
{
    for (int i = 0; i < EXC_COUNT; i++)
        if (I->exc_types[i] == cls && cls)
            return true;
    return false;
}

ExcType exc_builtin_base(PyRun *I, SimId cls)
{
    for (SimId c = cls; c && sim_kind(S, c) == SK_TYPE; c = SIM_V(S, c, SK_TYPE, type.base))
        for (int i = 0; i < EXC_COUNT; i++)
            if (I->exc_types[i] == c)
                return (ExcType)i;
    return EXC_BaseException;
}

bool exc_type_extends(ExcType t, ExcType root)
{
    for (;; t = exc_table[t].base) {
        if (t == root)
            return true;
        if (t == EXC_BaseException)
            return false;
    }
}

bool exc_is_class(PyRun *I, SimId cls)
{
    return sim_kind(S, cls) == SK_TYPE && sim_is_subtype(S, cls, I->exc_types[EXC_BaseException]) &&
           cls != S->type_object;
}

/* the class of the exception an except clause looks at: the innermost
 * one being handled, else the pending one */
static SimId pending_class(PyRun *I)
{
    if (I->ts->err.set || !exc_handled_top(I))
        return I->ts->err_obj ? sim_obj(S, I->ts->err_obj)->type : exc_class(I, I->ts->err_exc);
    return sim_obj(S, exc_handled_top(I))->type;
}

bool exc_matches(PyRun *I, SimId type_obj)
{
    if (I->refused)
        return false; /* a refusal is not a Python exception: nothing catches it */
    if (sim_kind(S, type_obj) == SK_TUPLE) {
        for (uint32_t i = 0; i < sim_obj(S, type_obj)->len; i++)
            if (exc_matches(I, sim_items(S, type_obj)[i]))
                return true;
        return false;
    }
    if (!exc_is_class(I, type_obj))
        return false;
    SimId cls = pending_class(I);
    return cls && sim_is_subtype(S, cls, type_obj);
}

bool py_err_matches(PyRun *I, ExcType t)
{
    return I->ts->err.set && exc_class(I, t) && exc_matches(I, exc_class(I, t));
}

static const char *const ctx_fields[] = {"name", "obj", "name_from"};

void exc_context_set(PyRun *I, SimId name, SimId obj, SimId name_from)
{
    SimId v[] = {name, obj, name_from};
    for (int i = 0; i < 3; i++) {
        if (v[i])
            sim_incref(S, v[i]);
        SimId old = I->ts->err_ctx[i];
        I->ts->err_ctx[i] = v[i];
        sim_xdecref(S, old);
    }
}

void py_err_clear(PyRun *I)
{
    exc_context_set(I, 0, 0, 0);
    I->ts->err.set = false;
    I->err_library = NULL;
    I->err_library_tb = false;
    I->err_library_kind = 0;
    I->ts->reraise = false;
    if (I->ts->err_obj) {
        SimId e = I->ts->err_obj;
        I->ts->err_obj = 0;
        sim_decref(S, e);
    }
}

bool exc_is_instance(PyRun *I, SimId v) { return sim_is_exc(S, v); }

SimId exc_new(PyRun *I, SimId cls, SimId args)
{
    SimId oserror = exc_class(I, EXC_OSError);
    if (args && sim_obj(S, args)->len >= 2 && oserror && sim_is_subtype(S, cls, oserror))
        py_not_modelled(I, 0, "OSError(errno, strerror) (CPython picks the subclass the errno names and "
                              "words it '[Errno n] ...')");
    SimId e = sim_exc_new(S, cls, !exc_is_builtin_type(I, cls), exc_layout_words(I, cls));
    sim_exc_set(S, e, SIM_EXC_ARGS, args ? args : sim_tuple(S, 0));
    SimId init = sim_type_lookup(S, cls, "__init__");
    if (!init || sim_kind(S, init) != SK_FUNC) /* the built-in tp_init runs */
        exc_layout_init(I, e, sim_exc_get(S, e, SIM_EXC_ARGS));
    return e;
}

void exc_made_at_raise(PyRun *I)
{
    if (S->prof->version >= SIM_V312 && I->ts->err.set && !I->refused)
        sim_decref(S, exc_instance(I));
}

void exc_made_and_cleared(PyRun *I, ExcType t, const char *msg)
{
    SimId text = sim_str(S, msg, strlen(msg));
    SimId args = sim_tuple(S, 1);
    sim_tuple_set(S, args, 0, text);
    sim_decref(S, exc_new(I, exc_class(I, t), args));
}

SimId exc_args(PyRun *I, SimId e) { return sim_exc_get(S, e, SIM_EXC_ARGS); }

void exc_chain_context(PyRun *I, SimId e)
{
    SimId top = exc_handled_top(I);
    if (!top || top == e)
        return;
    /* a context chain that reaches e is cut there, so no cycle forms */
    for (SimId o = top, c; (c = sim_exc_get(S, o, SIM_EXC_CONTEXT)) != 0; o = c) {
        if (c == e) {
            sim_exc_set(S, o, SIM_EXC_CONTEXT, 0);
            break;
        }
    }
    sim_incref(S, top);
    sim_exc_set(S, e, SIM_EXC_CONTEXT, top);
}

/* the instance of the pending built-in exception, args = (arg,) (stolen) */
static SimId make_instance(PyRun *I, SimId arg)
{
    SimId args = sim_tuple(S, 1);
    sim_tuple_set(S, args, 0, arg);
    return exc_new(I, exc_class(I, I->ts->err_exc), args);
}

SimId exc_instance(PyRun *I)
{
    if (I->ts->err_obj) {
        sim_incref(S, I->ts->err_obj);
        return I->ts->err_obj;
    }
    /* an exception raised without a message has no args (PyErr_NoMemory) */
    SimId args = sim_tuple(S, I->ts->err.msg[0] ? 1 : 0);
    if (I->ts->err.msg[0])
        sim_tuple_set(S, args, 0, sim_str(S, I->ts->err.msg, strlen(I->ts->err.msg)));
    SimId e = exc_new(I, exc_class(I, I->ts->err_exc), args);
    for (int i = 0; i < 3; i++)
        if (I->ts->err_ctx[i])
            exc_layout_set(I, e, ctx_fields[i], I->ts->err_ctx[i]);
    exc_context_set(I, 0, 0, 0);
    exc_chain_context(I, e); /* _PyErr_SetObject normalizes it to chain it */
    I->ts->err_obj = e;
    sim_incref(S, e);
    return e;
}

/* ---- the exceptions being handled ------------------------------------ */

void exc_handled_push(PyRun *I, SimId e)
{
    if (I->ts->nhandled == I->ts->caphandled) {
        size_t cap = I->ts->caphandled;
        I->ts->handled = xgrow(I->ts->handled, &cap, (size_t)I->ts->nhandled + 1, sizeof *I->ts->handled);
        I->ts->caphandled = (uint32_t)cap;
    }
    I->ts->handled[I->ts->nhandled++] = e;
}

SimId exc_handled_top(PyRun *I) { return I->ts->nhandled ? I->ts->handled[I->ts->nhandled - 1] : 0; }

void exc_handled_pop_to(PyRun *I, uint32_t depth)
{
    while (I->ts->nhandled > depth) {
        SimId e = I->ts->handled[--I->ts->nhandled];
        bool still = false; /* a bare `raise` reaches only what is being handled: once its handler */
        for (uint32_t i = 0; e == I->lib_exc && i < I->ts->nhandled; i++) /* ends, the borrowed id goes */
            still = still || I->ts->handled[i] == e;
        if (e == I->lib_exc && !still)
            I->lib_exc = 0;
        sim_decref(S, e);
    }
}

/* the pending exception becomes e (reference stolen), its text from str(e) */
static bool set_pending_instance(PyRun *I, SimId e)
{
    Buf b = {0};
    if (!op_str(I, e, &b)) {
        buf_fini(&b);
        sim_decref(S, e);
        return false;
    }
    py_raise_instance(I, e, buf_str(&b));
    buf_fini(&b);
    return true;
}

/* RERAISE of e (stolen): pending again, with no traceback entry for this frame */
bool exc_reraise_value(PyRun *I, SimId e)
{
    if (set_pending_instance(I, e))
        I->ts->reraise = true;
    return false;
}

bool exc_reraise(PyRun *I, bool pop)
{
    SimId e = exc_handled_top(I);
    if (!e) {
        py_raise(I, EXC_RuntimeError, "No active exception to reraise");
        return false;
    }
    if (pop)
        I->ts->nhandled--; /* its reference moves to the pending error */
    else
        sim_incref(S, e);
    if (set_pending_instance(I, e)) {
        I->ts->reraise = true;
        if (e == I->lib_exc)
            I->err_library = I->lib_exc_library, I->err_library_line = I->lib_exc_line;
    }
    return false;
}

/* false when the message did not fit (the caller refuses: a cut message
 * would be silently wrong) */
static bool set_pending(PyRun *I, const char *type_name, const char *fmt, va_list ap)
{
    if (I->ts->err_obj) {
        SimId e = I->ts->err_obj;
        I->ts->err_obj = 0;
        sim_decref(S, e);
    }
    int n = vsnprintf(I->ts->err.msg, sizeof I->ts->err.msg, fmt, ap);
    snprintf(I->ts->err.type, sizeof I->ts->err.type, "%s", type_name);
    I->ts->err.set = true;
    I->ts->err.hint[0] = '\0';
    I->ts->reraise = false;
    I->nraised++;
    return n >= 0 && (size_t)n < sizeof I->ts->err.msg;
}

static void refuse_long_message(PyRun *I)
{
    py_not_modelled(I, 0, "an error message of more than %zu bytes", sizeof I->ts->err.msg - 1);
}

void py_no_memory(PyRun *I)
{
    sim_take_nomem(S);
    py_raise(I, EXC_MemoryError, "%s", "");
}

bool py_mem_room(PyRun *I, uint64_t bytes)
{
    if (sim_mem_room(S, bytes, bytes / 4 + 1))
        return true;
    py_no_memory(I);
    return false;
}

/* A TypeError that wants an integer, in a program with a class that
 * defines __index__: a built-in the model does not teach to call it may be
 * what raised, so it is refused rather than called invalid. */
static void index_refusal(PyRun *I)
{
    static const char *const wants_int[] = {"interpreted as an integer", "indices must be integers",
                                            "non-int of type", "integer is required", "integer argument expected",
                                            "must be int", "must be an int", "must be integer", "a real number",
                                            "must be a number", "or a number", "or an integer"};
    for (size_t i = 0; i < sizeof wants_int / sizeof wants_int[0]; i++)
        if (strstr(I->ts->err.msg, wants_int[i])) {
            char msg[sizeof I->ts->err.msg];
            snprintf(msg, sizeof msg, "%s", I->ts->err.msg);
            py_err_clear(I);
            py_not_modelled(I, 0, "a class's __index__, __int__ or __float__ where this built-in wants a number "
                                  "(CPython may call it; the model raised: %s)", msg);
            return;
        }
}

void py_raise_sure(PyRun *I, ExcType t, const char *fmt, ...)
{
    if (I->refused)
        return;
    exc_context_set(I, 0, 0, 0);
    va_list ap;
    va_start(ap, fmt);
    bool fits = set_pending(I, exc_name(t), fmt, ap);
    va_end(ap);
    I->ts->err_exc = t;
    if (!fits)
        refuse_long_message(I);
}

void py_raise(PyRun *I, ExcType t, const char *fmt, ...)
{
    if (I->refused)
        return; /* the refusal stands: nothing replaces it */
    exc_context_set(I, 0, 0, 0);
    va_list ap;
    va_start(ap, fmt);
    bool fits = set_pending(I, exc_name(t), fmt, ap);
    va_end(ap);
    I->ts->err_exc = t;
    if (!fits)
        return refuse_long_message(I);
    if ((t == EXC_TypeError || t == EXC_ValueError) && I->index_seen)
        index_refusal(I);
}

void py_raise_key(PyRun *I, ExcType t, SimId key)
{
    Buf b = {0};
    if (!op_repr(I, key, &b)) {
        buf_fini(&b);
        return;
    }
    py_raise(I, t, "%s", buf_str(&b));
    buf_fini(&b);
    if (I->refused)
        return;
    sim_incref(S, key);
    I->ts->err_obj = make_instance(I, key);
    exc_chain_context(I, I->ts->err_obj);
}

void py_raise_instance(PyRun *I, SimId e, const char *msg)
{
    if (I->refused) {
        sim_decref(S, e);
        return;
    }
    py_raise(I, EXC_Exception, "%s", msg);
    snprintf(I->ts->err.type, sizeof I->ts->err.type, "%s", sim_type_name(S, e));
    I->ts->err_obj = e;
}

bool py_not_modelled(PyRun *I, int line, const char *fmt, ...)
{
    if (I->refused)
        return false;
    va_list ap;
    va_start(ap, fmt);
    (void)set_pending(I, "", fmt, ap); /* a refusal's text may be cut */
    va_end(ap);
    snprintf(I->refusal, sizeof I->refusal, "%s", I->ts->err.msg);
    I->refused_line = line > 0 ? line : py_current_line(I);
    I->refused = true;
    vm_check_next(I); /* the next instruction sees it */
    return false;
}

void py_report_refusal(PyRun *I)
{
    char text[sizeof I->refusal + 96];
    int n = snprintf(text, sizeof text, "pydive: line %d: %s is not modelled by the simulated CPython\n",
                     I->refused_line, I->refusal);
    py_write(I, 2, text, n < 0 ? 0 : (size_t)n < sizeof text ? (size_t)n : sizeof text - 1);
}
