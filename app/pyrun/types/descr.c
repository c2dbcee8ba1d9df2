/*
 * descr: property, classmethod and staticmethod — their constructors, the
 * property's getter/setter/deleter, and the descriptor protocol the
 * attribute lookup calls (descr_get, descr_set).  Objects in sim/descr.c.
 *
 * Calling these types goes through _PyObject_MakeTpCall (they have no
 * vectorcall on 3.11-3.13): an argument tuple, and a dict for keywords,
 * live while the object is made.  classmethod() and staticmethod() copy
 * the function's __module__, __name__, __qualname__, __doc__ and
 * __annotations__ into their own dict (functools_wraps in funcobject.c),
 * which makes the function's annotations dict.
 */
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/types/types.h"

#define S (I->sim)

/* The tuple (and keyword dict) _PyObject_MakeTpCall builds for the call,
 * alive until it returns: *tuple and *dict to release with call_done. */
static void call_args(PyRun *I, SimId *a, int n, SimId kw, SimId *tuple, SimId *dict)
{
    int np = bi_npos(I, n, kw);
    *tuple = sim_tuple(S, (size_t)np);
    for (int i = 0; i < np && i < (int)sim_obj(S, *tuple)->len; i++) {
        sim_incref(S, a[i]);
        sim_tuple_set(S, *tuple, (size_t)i, a[i]);
    }
    *dict = 0;
    if (kw) { /* _PyStack_AsDict */
        *dict = sim_dict_presized(S, sim_obj(S, kw)->len, true);
        for (int i = np; i < n; i++) {
            sim_incref(S, sim_items(S, kw)[i - np]), sim_incref(S, a[i]);
            sim_dict_set(S, *dict, sim_items(S, kw)[i - np], a[i]);
        }
    }
}

static void call_done(PyRun *I, SimId tuple, SimId dict)
{
    sim_decref(S, tuple);
    sim_xdecref(S, dict);
}

static SimId none_to_0(PyRun *I, SimId v) { return v && sim_kind(S, v) == SK_NONE ? 0 : v; }

/* property_init with the parts already read: fget, fset, fdel, doc
 * (borrowed, 0 or None).  With no doc, the getter's __doc__ becomes it
 * (getter_doc, kept in SimObj.sub: PROP_GETTER_DOC); a getter that is not
 * a Python function has a __doc__ the model does not know (PROP_DOC_UNKNOWN). */
static SimId property_new(PyRun *I, SimId parts[4])
{
    SimId p[4];
    for (int i = 0; i < 4; i++) {
        p[i] = none_to_0(I, parts[i]);
        if (p[i])
            sim_incref(S, p[i]);
    }
    uint8_t how = 0;
    if (!p[3] && p[0] && sim_kind(S, p[0]) == SK_FUNC) {
        p[3] = sim_items(S, p[0])[SIM_FN_DOC];
        if (p[3]) {
            sim_incref(S, p[3]);
            how = PROP_GETTER_DOC;
        }
    } else if (!p[3] && p[0]) {
        how = PROP_DOC_UNKNOWN;
    }
    SimId r = sim_property(S, p[0], p[1], p[2], p[3]);
    sim_obj(S, r)->sub = how;
    return r;
}

static SimId property_construct(PyRun *I, SimId *a, int n, SimId kw)
{
    static const char *const names[4] = {"fget", "fset", "fdel", "doc"};
    int np = bi_npos(I, n, kw);
    if (np > 4) {
        py_raise(I, EXC_TypeError, "property() takes at most 4 arguments (%d given)", np);
        return 0;
    }
    SimId parts[4] = {0, 0, 0, 0};
    for (int i = 0; i < np; i++)
        parts[i] = a[i];
    for (int k = np; k < n; k++) {
        size_t len;
        const char *w = sim_str_data(S, sim_items(S, kw)[k - np], &len);
        int slot = -1;
        for (int i = 0; i < 4; i++)
            if (strlen(names[i]) == len && memcmp(names[i], w, len) == 0)
                slot = i;
        if (slot < 0 || slot < np) {
            if (slot >= 0)
                py_raise(I, EXC_TypeError, "argument for property() given by name ('%s') and position (%d)",
                         names[slot], slot + 1);
            else if (S->prof->version <= SIM_V312)
                py_raise(I, EXC_TypeError, "'%.*s' is an invalid keyword argument for property()", (int)len, w);
            else
                py_raise(I, EXC_TypeError, "property() got an unexpected keyword argument '%.*s'", (int)len, w);
            return 0;
        }
        parts[slot] = a[k];
    }
    SimId tuple, dict;
    call_args(I, a, n, kw, &tuple, &dict);
    SimId p = property_new(I, parts);
    call_done(I, tuple, dict);
    return p;
}

/* functools_wraps(descriptor, func): the attributes copied, in order, into
 * the descriptor's new dict; reading __annotations__ makes the function's */
static SimId wraps_dict(PyRun *I, SimId func)
{
    static const char *const keys[5] = {"__module__", "__name__", "__qualname__", "__doc__", "__annotations__"};
    const PyCode *co = &I->codes[SIM_V(S, func, SK_FUNC, func.code)];
    SimId d = sim_dict(S);
    for (int i = 0; i < 5; i++) {
        SimId v;
        if (i == 0) {
            v = sim_str_intern(S, "__main__", 8);
        } else if (i == 4) {
            v = func_part(I, func, SIM_FN_ANNOTATIONS); /* func_get_annotations */
            sim_incref(S, v);
        } else {
            v = i == 1 ? co->name : i == 2 ? sim_items(S, func)[SIM_FN_NAME] : S->none;
            sim_incref(S, v);
        }
        sim_dict_set(S, d, sim_str_intern(S, keys[i], strlen(keys[i])), v);
    }
    return d;
}

static SimId method_descr_construct(PyRun *I, int kind, SimId *a, int n, SimId kw)
{
    const char *name = sim_kind_name((SimKind)kind);
    if (kw) {
        py_raise(I, EXC_TypeError, "%s() takes no keyword arguments", name);
        return 0;
    }
    if (n != 1) {
        py_raise(I, EXC_TypeError, "%s expected 1 argument, got %d", name, n);
        return 0;
    }
    if (sim_kind(S, a[0]) != SK_FUNC) {
        py_not_modelled(I, 0, "%s() of a %s", name, op_typename(I, a[0]));
        return 0;
    }
    SimId tuple, dict;
    call_args(I, a, n, kw, &tuple, &dict);
    sim_incref(S, a[0]);
    SimId d = sim_method_descr(S, (SimKind)kind, a[0], 0);
    SimId wrapped = wraps_dict(I, a[0]); /* made before the record is written: it may move */
    SIM_V(S, d, (SimKind)kind, descr.dict) = wrapped;
    call_done(I, tuple, dict);
    return d;
}

SimId descr_construct(PyRun *I, int kind, SimId *a, int n, SimId kw)
{
    if (kind == SK_PROPERTY)
        return property_construct(I, a, n, kw);
    return method_descr_construct(I, kind, a, n, kw);
}

/* ---- property.getter / setter / deleter ------------------------------------ */

/* property_copy: the same property with one part replaced, made by calling
 * the property type (an argument tuple of four) */
static SimId property_copy(PyRun *I, SimId *a, int which)
{
    SimId old = a[0], parts[4];
    memcpy(parts, sim_items(S, old), sizeof parts);
    parts[which] = a[1];
    if (sim_obj(S, old)->sub == PROP_GETTER_DOC && parts[0] && sim_kind(S, parts[0]) != SK_NONE)
        parts[3] = 0; /* None: property_init reads the getter's __doc__ again */
    for (int i = 0; i < 4; i++)
        if (!parts[i])
            parts[i] = S->none;
    SimId tuple, dict;
    call_args(I, parts, 4, 0, &tuple, &dict);
    SimId p = property_new(I, parts);
    call_done(I, tuple, dict);
    return p;
}

static SimId p_getter(PyRun *I, SimId *a, int n, SimId kw) { (void)n, (void)kw; return property_copy(I, a, 0); }
static SimId p_setter(PyRun *I, SimId *a, int n, SimId kw) { (void)n, (void)kw; return property_copy(I, a, 1); }
static SimId p_deleter(PyRun *I, SimId *a, int n, SimId kw) { (void)n, (void)kw; return property_copy(I, a, 2); }

const BuiltinDef property_methods[] = {
    BUILTIN("getter", SK_PROPERTY, 0, p_getter, .style = ARGS_ONE),
    BUILTIN("setter", SK_PROPERTY, 0, p_setter, .style = ARGS_ONE),
    BUILTIN("deleter", SK_PROPERTY, 0, p_deleter, .style = ARGS_ONE),
};
const int property_nmethods = (int)(sizeof property_methods / sizeof property_methods[0]);

/* ---- the descriptor protocol --------------------------------------------------- */

/* the name a property has in its owner's class dict (prop_name), or NULL */
static const char *property_name(PyRun *I, SimId prop, SimId cls, size_t *n)
{
    for (SimId c = cls; c && sim_kind(S, c) == SK_TYPE && sim_obj(S, c)->sub == SK_INSTANCE;
         c = SIM_V(S, c, SK_TYPE, type.base)) {
        uint32_t pos = 0;
        SimId k, v;
        while (sim_dict_next(S, SIM_V(S, c, SK_TYPE, type.dict), &pos, &k, &v))
            if (v == prop)
                return sim_str_data(S, k, n);
    }
    return NULL;
}

static void property_error(PyRun *I, SimId prop, SimId obj, const char *missing)
{
    size_t n = 0;
    const char *nm = property_name(I, prop, sim_obj(S, obj)->type, &n);
    if (nm)
        py_raise(I, EXC_AttributeError, "property '%.*s' of '%s' object has no %s", (int)n, nm,
                 op_typename(I, obj), missing);
    else
        py_raise(I, EXC_AttributeError, "property of '%s' object has no %s", op_typename(I, obj), missing);
}

SimId descr_get(PyRun *I, SimId d, SimId obj, SimId cls)
{
    switch (sim_kind(S, d)) {
    case SK_PROPERTY: {
        if (!obj) {
            sim_incref(S, d);
            return d;
        }
        SimId fget = sim_items(S, d)[0];
        if (!fget) {
            property_error(I, d, obj, "getter");
            return 0;
        }
        return vm_call(I, fget, &obj, 1);
    }
    case SK_CLASSMETHOD: {
        SimId f = SIM_V(S, d, SK_CLASSMETHOD, descr.func);
        sim_incref(S, f);
        sim_incref(S, cls);
        return sim_method(S, f, cls);
    }
    case SK_STATICMETHOD: {
        SimId f = SIM_V(S, d, SK_STATICMETHOD, descr.func);
        sim_incref(S, f);
        return f;
    }
    default:
        sim_incref(S, d);
        return d;
    }
}

bool descr_set(PyRun *I, SimId prop, SimId obj, SimId value)
{
    SimId fn = sim_items(S, prop)[value ? 1 : 2];
    if (!fn) {
        property_error(I, prop, obj, value ? "setter" : "deleter");
        return false;
    }
    SimId args[2] = {obj, value};
    SimId r = vm_call(I, fn, args, value ? 2 : 1);
    sim_xdecref(S, r);
    return r != 0;
}
