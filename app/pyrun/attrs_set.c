/*
 * attrs_set: setting and deleting attributes without a class's own hooks
 * (object.__setattr__ / __delattr__): instance dicts and data descriptors,
 * an exception's fields, a class's or module's dict, a function's
 * special fields and __dict__.
 */
#include <stdio.h>
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/interp.h"
#include "pyrun/types/native.h"
#include "pyrun/types/types.h"

#define S (I->sim)

static const char *name_of(PyRun *I, SimId name, size_t *n) { return sim_str_data(S, name, n); }

static bool is(PyRun *I, SimId name, const char *text) { return sim_str_equals(S, name, text); }

/* An exception's own field set or deleted (value 0): 1 done, -1 error, 0 not one. */
static int exc_field_set(PyRun *I, SimId e, SimId name, SimId value)
{
    char buf[32];
    size_t n;
    const char *nm = name_of(I, name, &n);
    if (n >= sizeof buf)
        return 0;
    memcpy(buf, nm, n);
    buf[n] = '\0';
    return exc_attr_set(I, e, buf, value);
}

/* A data descriptor on obj's class for name (a property, a slot's member,
 * __dict__ / __weakref__), or 0. */
static SimId class_property(PyRun *I, SimId obj, SimId name)
{
    SimId c = sim_type_lookup_str(S, sim_obj(S, obj)->type, name);
    SimKind k = c ? sim_kind(S, c) : SK_FREE;
    if (k == SK_INSTANCE && udescr_is_data(I, c)) /* __set__ or __delete__ written in Python */
        return c;
    return k == SK_PROPERTY || k == SK_MEMBER_DESCR || k == SK_GETSET_DESCR ? c : 0;
}

/* the data descriptor's set (value) or delete (0) */
static bool data_descr_set(PyRun *I, SimId d, SimId obj, SimId value)
{
    if (sim_kind(S, d) == SK_INSTANCE)
        return udescr_set(I, d, obj, value);
    return sim_kind(S, d) == SK_PROPERTY ? descr_set(I, d, obj, value) : member_set(I, d, obj, value);
}

/* Setting or deleting (value 0) an attribute of a function: its __dict__,
 * its special attributes refused. */
/* The function's own field a special name sets: its part, the type its
 * setter wants (SK_COUNT: any), or -1 when the name is not one the model sets. */
static int func_field(PyRun *I, SimId name, SimKind *want)
{
    static const struct { const char *name; int part; SimKind want; } fields[] = {
        {"__name__", SIM_FN_FUNCNAME, SK_STR}, {"__qualname__", SIM_FN_NAME, SK_STR},
        {"__doc__", SIM_FN_DOC, SK_COUNT}, {"__module__", SIM_FN_MODULE, SK_COUNT},
        {"__annotations__", SIM_FN_ANNOTATIONS, SK_DICT}, {"__type_params__", SIM_FN_TYPEPARAMS, SK_TUPLE},
    };
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        if (is(I, name, fields[i].name)) {
            if (fields[i].part == SIM_FN_TYPEPARAMS && I->sim->prof->version == SIM_V311)
                return -1;
            *want = fields[i].want;
            return fields[i].part;
        }
    return -1;
}

static bool func_attr_set(PyRun *I, SimId f, SimId name, SimId value)
{
    size_t n;
    const char *nm = name_of(I, name, &n);
    SimKind want = SK_COUNT;
    int part = value ? func_field(I, name, &want) : -1;
    if (part >= 0) { /* func_set_name, func_set_qualname, the members ... */
        bool none_ok = part == SIM_FN_ANNOTATIONS;
        if (want != SK_COUNT && sim_kind(S, value) != want && !(none_ok && sim_kind(S, value) == SK_NONE)) {
            static const char *const what[] = {[SK_STR] = "a string object", [SK_DICT] = "a dict object",
                                               [SK_TUPLE] = "a tuple"};
            py_raise(I, EXC_TypeError, "%.*s must be set to %s", (int)n, nm, what[want]);
            return false;
        }
        SimId old = sim_items(S, f)[part];
        if (none_ok && sim_kind(S, value) == SK_NONE)
            value = 0;
        else
            sim_incref(S, value);
        sim_items(S, f)[part] = value;
        sim_xdecref(S, old);
        return true;
    }
    static const char *const fixed[] = {"__defaults__", "__kwdefaults__", "__code__", "__globals__", "__closure__",
                                        "__builtins__", "__dict__", "__name__", "__qualname__", "__doc__",
                                        "__module__", "__annotations__", "__type_params__"};
    for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
        if (is(I, name, fixed[i]))
            return py_not_modelled(I, 0, "%s 'function.%.*s'", value ? "setting" : "deleting", (int)n, nm);
    if (!value) {
        SimId d = sim_items(S, f)[SIM_FN_DICT];
        if (d && sim_dict_del(S, d, name))
            return true;
        attr_no_such(I, f, name);
        return false;
    }
    SimId d = func_part(I, f, SIM_FN_DICT);
    sim_incref(S, name);
    sim_incref(S, value);
    sim_dict_set(S, d, name, value);
    return true;
}

/* PyObject_GenericSetAttr on an object with no __dict__ and no such
 * attribute: 3.13 says so, and only 3.13 names the close attribute */
static bool no_attr_to_set(PyRun *I, SimId obj, SimId name)
{
    size_t n;
    const char *nm = name_of(I, name, &n);
    const char *tn = op_typename(I, obj);
    int tl = op_name_cut(I, tn, 100, 100, 100); /* '%.100s' */
    if (S->prof->version < SIM_V313) {
        py_raise(I, EXC_AttributeError, "'%.*s' object has no attribute '%.*s'", tl, tn, (int)n, nm);
        return false;
    }
    py_raise(I, EXC_AttributeError, "'%.*s' object has no attribute '%.*s' and no __dict__ for setting new attributes",
             tl, tn, (int)n, nm);
    suggest_for_attr(I, obj, name);
    return false;
}

/* PyObject_GenericSetAttr (object.__setattr__) */
bool attr_set_generic(PyRun *I, SimId obj, SimId name, SimId value)
{
    if (sim_is_subinst(S, obj))
        return subinst_attr_set(I, obj, name, value);
    SimObj *o = sim_obj(S, obj);
    if (o->kind == SK_INSTANCE) {
        SimId prop = class_property(I, obj, name);
        if (prop)
            return data_descr_set(I, prop, obj, value);
        int done = exc_is_instance(I, obj) ? exc_field_set(I, obj, name, value) : 0;
        if (done)
            return done > 0;
        if (is(I, name, "__dict__") || is(I, name, "__class__"))
            return py_not_modelled(I, 0, "assigning an instance's __dict__ or __class__");
        if (!member_has_dict(I, obj))
            return member_no_dict(I, obj, name);
        sim_incref(S, value);
        sim_attr_set(S, obj, name, value);
        return true;
    }
    if (o->kind == SK_TYPE && o->sub == SK_INSTANCE) {
        size_t n;
        const char *nm = name_of(I, name, &n);
        if (!modelled_dunder_ok(I, nm, n)) /* a special method the model would ignore */
            return false;
        if (is(I, name, "__getattr__") || is(I, name, "__getattribute__") || is(I, name, "__setattr__") ||
            is(I, name, "__delattr__"))
            return py_not_modelled(I, 0, "assigning %.*s to a class after its creation", (int)n, nm);
        sim_incref(S, name);
        sim_incref(S, value);
        sim_dict_set(S, o->v.type.dict, name, value);
        if (is(I, name, "__del__"))
            sim_obj(S, obj)->flags |= SIM_F_SPECIAL;
        return true;
    }
    if (o->kind == SK_MODULE) {
        sim_incref(S, name);
        sim_incref(S, value);
        sim_dict_set(S, o->v.module.dict, name, value);
        return true;
    }
    if (o->kind == SK_TYPE) {
        size_t n;
        const char *nm = name_of(I, name, &n);
        py_raise(I, EXC_TypeError, "cannot set '%.*s' attribute of immutable type '%s'", (int)n, nm,
                 sim_type_obj_name(S, obj));
        return false;
    }
    if (o->kind == SK_FUNC)
        return func_attr_set(I, obj, name, value);
    return no_attr_to_set(I, obj, name);
}

/* PyObject_GenericSetAttr with no value (object.__delattr__) */
bool attr_del_generic(PyRun *I, SimId obj, SimId name)
{
    if (sim_is_subinst(S, obj))
        return subinst_attr_set(I, obj, name, 0);
    SimObj *o = sim_obj(S, obj);
    if (o->kind == SK_INSTANCE && class_property(I, obj, name))
        return data_descr_set(I, class_property(I, obj, name), obj, 0);
    int done = o->kind == SK_INSTANCE && exc_is_instance(I, obj) ? exc_field_set(I, obj, name, 0) : 0;
    if (done)
        return done > 0;
    if (o->kind == SK_INSTANCE && !member_has_dict(I, obj))
        return member_no_dict(I, obj, name);
    if (o->kind == SK_INSTANCE && sim_attr_del(S, obj, name))
        return true;
    if (o->kind == SK_FUNC)
        return func_attr_set(I, obj, name, 0);
    if (o->kind == SK_TYPE && o->sub == SK_INSTANCE && sim_dict_del(S, o->v.type.dict, name))
        return true;
    if (o->kind != SK_INSTANCE && o->kind != SK_TYPE && o->kind != SK_MODULE)
        return no_attr_to_set(I, obj, name);
    attr_no_such(I, obj, name);
    return false;
}
