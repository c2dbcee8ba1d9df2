/*
 * exc_object: what a program sees of an exception object — BaseException's
 * data attributes (args, __traceback__, __cause__, __context__,
 * __suppress_context__), its methods (__init__, __str__, __repr__,
 * with_traceback, add_note), and the attributes of traceback and frame
 * objects. The layout is app/sim/exc.c's; raising and catching are
 * exception.c's and the VM's.
 */
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/types/types.h"

#define S (I->sim)

static SimId ref(PyRun *I, SimId v)
{
    if (!v)
        v = S->none;
    sim_incref(S, v);
    return v;
}

static bool self_is_exc(PyRun *I, SimId *a, int n, const char *what)
{
    if (n >= 1 && exc_is_instance(I, a[0]))
        return true;
    py_raise(I, EXC_TypeError, "descriptor '%s' requires a 'BaseException' object but received a '%s'", what,
             n >= 1 ? op_typename(I, a[0]) : "nothing");
    return false;
}

/* ---- methods -------------------------------------------------------- */

/* BaseException_init: self.args = the arguments, as a new tuple; the
 * class's built-in base sets its own fields (AttributeError_init ...) */
static SimId m_init(PyRun *I, SimId *a, int n, SimId kw)
{
    if (!self_is_exc(I, a, n, "__init__"))
        return 0;
    int np = bi_npos(I, n, kw);
    if (kw && sim_obj(S, kw)->len > 0 && !exc_layout_kwargs(I, a[0], a + np, kw))
        return 0;
    SimId t = sim_tuple(S, (size_t)(np - 1));
    for (int i = 1; i < np; i++) {
        sim_incref(S, a[i]);
        sim_tuple_set(S, t, (size_t)(i - 1), a[i]);
    }
    sim_exc_set(S, a[0], SIM_EXC_ARGS, t);
    exc_layout_init(I, a[0], t);
    return bi_none(I);
}

static SimId text_of(PyRun *I, SimId e, bool repr)
{
    Buf b = {0};
    /* BaseException's own text, whatever the class overrides */
    SimId args = exc_args(I, e);
    bool ok = true;
    if (repr)
        buf_printf(&b, "%s(", sim_type_name(S, e));
    uint32_t n = args ? sim_obj(S, args)->len : 0;
    if (!repr && n == 1)
        ok = op_str(I, sim_items(S, args)[0], &b);
    else if (!repr && n > 1)
        ok = op_repr(I, args, &b);
    for (uint32_t i = 0; repr && ok && i < n; i++) {
        if (i)
            buf_adds(&b, ", ");
        ok = op_repr(I, sim_items(S, args)[i], &b);
    }
    if (repr)
        buf_addc(&b, ')');
    SimId r = ok ? sim_str(S, buf_str(&b), b.len) : 0;
    buf_fini(&b);
    return r;
}

static SimId m_str(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!self_is_exc(I, a, n, "__str__"))
        return 0;
    return exc_is_group(I, a[0]) ? exc_group_str(I, a[0]) : text_of(I, a[0], false);
}

static SimId m_repr(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    return self_is_exc(I, a, n, "__repr__") ? text_of(I, a[0], true) : 0;
}

static bool tb_value_ok(PyRun *I, SimId tb)
{
    if (tb == S->none || sim_kind(S, tb) == SK_TRACEBACK)
        return true;
    py_raise(I, EXC_TypeError, "__traceback__ must be a traceback or None");
    return false;
}

static SimId m_with_traceback(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!self_is_exc(I, a, n, "with_traceback") || !tb_value_ok(I, a[1]))
        return 0;
    sim_incref(S, a[1]);
    sim_exc_set(S, a[0], SIM_EXC_TRACEBACK, a[1] == S->none ? (sim_decref(S, a[1]), 0) : a[1]);
    return ref(I, a[0]);
}

/* add_note (3.11+): appended to the list in __notes__, made on first use */
static SimId m_add_note(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!self_is_exc(I, a, n, "add_note"))
        return 0;
    if (sim_kind(S, a[1]) != SK_STR) {
        py_raise(I, EXC_TypeError, "note must be a str, not '%s'", op_typename(I, a[1]));
        return 0;
    }
    SimId d = sim_exc_dict(S, a[0]);
    SimId notes = sim_dict_get_str(S, d, "__notes__");
    if (!notes) {
        notes = sim_list(S, 0);
        SimId name = sim_str_intern(S, "__notes__", 9);
        sim_dict_set(S, d, name, notes); /* the dict takes both */
    } else if (sim_kind(S, notes) != SK_LIST) {
        py_raise(I, EXC_TypeError, "Cannot add note: __notes__ is not a list");
        return 0;
    }
    sim_incref(S, a[1]);
    sim_list_append(S, notes, a[1]);
    return bi_none(I);
}

const BuiltinDef exception_methods[] = {
    BUILTIN("__init__", SK_INSTANCE, 0, m_init, .style = ARGS_OWN),
    BUILTIN("__str__", SK_INSTANCE, 0, m_str, .style = ARGS_NONE),
    BUILTIN("__repr__", SK_INSTANCE, 0, m_repr, .style = ARGS_NONE),
    BUILTIN("with_traceback", SK_INSTANCE, 0, m_with_traceback, .style = ARGS_ONE),
    BUILTIN("add_note", SK_INSTANCE, 0, m_add_note, .style = ARGS_ONE),
    /* BaseExceptionGroup's (exc_group.c) */
    BUILTIN("split", SK_INSTANCE, 0, exc_group_split, .style = ARGS_ONE),
    BUILTIN("subgroup", SK_INSTANCE, 0, exc_group_subgroup, .style = ARGS_ONE),
    BUILTIN("derive", SK_INSTANCE, 0, exc_group_derive, .style = ARGS_ONE),
};
const int exception_nmethods = (int)(sizeof exception_methods / sizeof exception_methods[0]);

SimId exc_method(PyRun *I, SimId self, const char *name)
{
    if (strcmp(name, "add_note") == 0 && S->prof->version < SIM_V311)
        return 0;
    bool group_only = strcmp(name, "split") == 0 || strcmp(name, "subgroup") == 0 || strcmp(name, "derive") == 0;
    if (group_only && !(self ? exc_is_group(I, self) : false))
        return 0;
    int idx = bi_method_of_kind(SK_INSTANCE, name);
    if (idx < 0)
        return 0;
    if (self)
        sim_incref(S, self);
    return sim_builtin(S, (uint32_t)idx, self);
}

/* ---- data attributes -------------------------------------------------- */

static const struct {
    const char *name;
    SimExcField field;
} fields[] = {
    {"args", SIM_EXC_ARGS},
    {"__traceback__", SIM_EXC_TRACEBACK},
    {"__context__", SIM_EXC_CONTEXT},
    {"__cause__", SIM_EXC_CAUSE},
    {"__suppress_context__", SIM_EXC_SUPPRESS},
};

static int field_of(const char *name)
{
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        if (strcmp(fields[i].name, name) == 0)
            return (int)fields[i].field;
    return -1;
}

SimId exc_attr(PyRun *I, SimId e, const char *name, bool *found)
{
    *found = true;
    int f = field_of(name);
    if (f == SIM_EXC_SUPPRESS)
        return sim_bool(S, (sim_exc_get(S, e, SIM_EXC_SUPPRESS) & 1) != 0);
    if (f == SIM_EXC_TRACEBACK && (sim_exc_get(S, e, SIM_EXC_SUPPRESS) & EXC_LIBRARY_ANY))
        return py_not_modelled(I, 0, "the __traceback__ of an exception raised and caught inside a module "
                                     "CPython writes in Python (its frames there)"), (SimId)0;
    if (f >= 0)
        return ref(I, sim_exc_get(S, e, (SimExcField)f));
    if (strcmp(name, "__dict__") == 0)
        return ref(I, sim_exc_dict(S, e));
    return exc_layout_get(I, e, name, found);
}

int exc_attr_set(PyRun *I, SimId e, const char *name, SimId value)
{
    int f = field_of(name);
    if (f < 0)
        return exc_layout_store(I, e, name, value);
    if (!value) {
        py_raise(I, EXC_TypeError, "%s may not be deleted", f == SIM_EXC_ARGS ? "args" : name);
        return -1;
    }
    switch ((SimExcField)f) {
    case SIM_EXC_ARGS: { /* BaseException_set_args: tuple(value) */
        SimId t = sim_kind(S, value) == SK_TUPLE ? (sim_incref(S, value), value) : 0;
        if (!t) {
            SimId items = bi_list_from(I, value);
            if (!items)
                return -1;
            t = sim_tuple(S, sim_obj(S, items)->len);
            for (uint32_t i = 0; i < sim_obj(S, items)->len; i++) {
                sim_incref(S, sim_items(S, items)[i]);
                sim_tuple_set(S, t, i, sim_items(S, items)[i]);
            }
            sim_decref(S, items);
        }
        sim_exc_set(S, e, SIM_EXC_ARGS, t);
        return 1;
    }
    case SIM_EXC_TRACEBACK:
        if (!tb_value_ok(I, value))
            return -1;
        break;
    case SIM_EXC_CONTEXT: case SIM_EXC_CAUSE:
        if (value != S->none && !exc_is_instance(I, value)) {
            py_raise(I, EXC_TypeError, "exception %s must be None or derive from BaseException",
                     f == SIM_EXC_CAUSE ? "cause" : "context");
            return -1;
        }
        break;
    case SIM_EXC_SUPPRESS: {
        int t = op_truth(I, value);
        if (t < 0)
            return -1;
        sim_exc_set(S, e, SIM_EXC_SUPPRESS, (sim_exc_get(S, e, SIM_EXC_SUPPRESS) & ~(SimId)1) | (SimId)t);
        return 1;
    }
    default:
        break;
    }
    if (value == S->none) {
        sim_exc_set(S, e, (SimExcField)f, 0);
    } else {
        sim_incref(S, value);
        sim_exc_set(S, e, (SimExcField)f, value);
    }
    if (f == SIM_EXC_CAUSE) /* setting __cause__ also suppresses the context */
        sim_exc_set(S, e, SIM_EXC_SUPPRESS, sim_exc_get(S, e, SIM_EXC_SUPPRESS) | 1);
    return 1;
}

/* ---- traceback and frame objects ------------------------------------ */

SimId tb_attr(PyRun *I, SimId v, const char *name, bool *found)
{
    const SimObj *o = sim_obj(S, v);
    *found = true;
    if (o->kind == SK_TRACEBACK) {
        if (strcmp(name, "tb_next") == 0 && (o->v.tb.lasti & TB_LASTI_LIBRARY))
            return py_not_modelled(I, 0, "'traceback.tb_next' past a call into a module CPython writes in Python "
                                         "(its frames there)"), (SimId)0;
        if (strcmp(name, "tb_next") == 0)
            return ref(I, o->v.tb.next);
        if (strcmp(name, "tb_frame") == 0)
            return ref(I, o->v.tb.frame);
        if (strcmp(name, "tb_lineno") == 0)
            return sim_int(S, o->len);
        if (strcmp(name, "tb_lasti") == 0)
            return py_not_modelled(I, 0, "'traceback.tb_lasti' (bytecode offsets)"), (SimId)0;
    } else {
        if (o->sub == SIM_FRAME_LIVE) { /* sys._getframe()'s: its frame still runs */
            SimId r = sys_frame_live_attr(I, v, name, found);
            if (*found || r)
                return r;
            *found = true;
        }
        if (strcmp(name, "f_back") == 0) {
            if (o->sub == SIM_FRAME_OWNED)
                return ref(I, o->v.frame.back);
            return py_not_modelled(I, 0, "'frame.f_back' of a running frame");
        }
        if (strcmp(name, "f_code") == 0 && o->v.frame.code)
            return code_object(I, o->v.frame.code - 1);
        if (strcmp(name, "f_lineno") == 0 || strcmp(name, "f_locals") == 0 || strcmp(name, "f_code") == 0 ||
            strcmp(name, "f_globals") == 0 || strcmp(name, "f_lasti") == 0 || strcmp(name, "clear") == 0 ||
            strcmp(name, "f_trace") == 0 || strcmp(name, "f_builtins") == 0)
            return py_not_modelled(I, 0, "'frame.%s'", name), (SimId)0;
    }
    *found = false;
    return 0;
}
