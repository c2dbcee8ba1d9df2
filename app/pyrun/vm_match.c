/*
 * vm_match: the run-time halves of a match statement (OP_MATCH, laid out
 * by compile_match.c): COPY and SWAP, MATCH_SEQUENCE and MATCH_MAPPING (the
 * type flags CPython tests), GET_LEN, and MATCH_KEYS and MATCH_CLASS with
 * the temporaries CPython's match_keys and match_class make: a set of the
 * keys or attribute names seen, object() as the "missing" default, the
 * tuple of values; the list of attributes turned into a tuple.
 */
#include <stdio.h>
#include <string.h>

#include "pyrun/interp.h"
#include "sim/set.h"

#define S (I->sim)
#define F (I->ts->top)
#define PUSH(v) do { SimId pv_ = (v); I->ts->stack[F->sp++] = pv_; } while (0)
#define POP() (I->ts->stack[--F->sp])
#define TOP(k) (I->ts->stack[F->sp - 1 - (k)])

/* An object of a class a module of the model makes (weakref's mappings,
 * typing's aliases): its type flags are not the model's to answer. */
static bool foreign(PyRun *I, SimId v, const char *what)
{
    SimId cls = sim_type_of(S, v);
    uint32_t flags = sim_type_word(S, cls, SIM_TY_FLAGS);
    if (sim_kind(S, v) == SK_INSTANCE && (flags & (SIM_TYF_NATIVE | SIM_TYF_TYPING)))
        return !py_not_modelled(I, 0, "a %s pattern matched against '%s'", what, op_typename(I, v));
    if (sim_kind(S, v) == SK_DICTVIEW && sim_obj(S, v)->sub == SIM_VIEW_PROXY)
        return !py_not_modelled(I, 0, "a %s pattern matched against a mappingproxy", what);
    return false;
}

/* Py_TPFLAGS_SEQUENCE: list, tuple, range, deque and their subclasses
 * (not str, bytes or bytearray; a program's class only by registering with
 * collections.abc, which the model does not have) */
static bool is_sequence(PyRun *I, SimId v)
{
    SimKind k = sim_kind(S, v);
    return k == SK_LIST || k == SK_TUPLE || k == SK_RANGE || k == SK_DEQUE;
}

static bool builtin_call(PyRun *I, const char *name, SimId *args, int nargs, SimId *out)
{
    SimId fn = sim_dict_get_str(S, I->builtins, name);
    *out = fn ? vm_call(I, fn, args, nargs) : 0;
    return *out != 0;
}

static void type_name(PyRun *I, SimId cls, char *out, size_t cap)
{
    SimId key = sim_str_intern_name(S, "__name__", 8);
    SimId nm = attr_get(I, cls, key);
    sim_decref(S, key);
    size_t n = 0;
    const char *s = nm && sim_kind(S, nm) == SK_STR ? sim_str_data(S, nm, &n) : "?";
    snprintf(out, cap, "%.*s", (int)(nm ? n : 1), s);
    sim_xdecref(S, nm);
    if (!nm)
        py_err_clear(I);
}

/* match_keys: [subject, keys] -> the tuple of their values, or None when
 * one is missing (a new reference; 0 with the error raised) */
static SimId match_keys(PyRun *I, SimId map, SimId keys)
{
    uint32_t nkeys = sim_obj(S, keys)->len;
    if (!nkeys) {
        sim_incref(S, S->empty_tuple);
        return S->empty_tuple;
    }
    if (sim_obj(S, map)->type && sim_type_lookup(S, sim_type_of(S, map), "get") &&
        sim_type_lookup(S, sim_type_of(S, map), "get") != sim_type_lookup(S, S->types[SK_DICT], "get"))
        return py_not_modelled(I, 0, "a mapping pattern against a dict subclass with its own get()"), 0;
    SimId seen = sim_set(S), dummy = sim_object(S), values = sim_tuple(S, nkeys), result = values;
    for (uint32_t i = 0; i < nkeys; i++) {
        SimId key = sim_items(S, keys)[i];
        if (!py_hashable(I, key)) {
            result = 0;
            break;
        }
        if (sim_set_contains(S, seen, key)) {
            Buf r = {0};
            if (op_repr(I, key, &r))
                py_raise(I, EXC_ValueError, "mapping pattern checks duplicate key (%s)", r.data);
            buf_fini(&r);
            result = 0;
            break;
        }
        sim_incref(S, key);
        sim_set_add(S, seen, key);
        SimId v = sim_dict_get(S, map, key);
        if (!v) { /* get() answered the default: no match */
            result = S->none;
            sim_incref(S, result);
            break;
        }
        sim_incref(S, v);
        sim_tuple_set(S, values, i, v);
    }
    if (result != values)
        sim_decref(S, values);
    sim_decref(S, seen);
    sim_decref(S, dummy);
    return result;
}

/* __match_args__ of cls: a new reference, *self_match for the built-in
 * types that match their subject itself, 0 with the error raised */
static SimId match_args_of(PyRun *I, SimId cls, bool *self_match)
{
    SimId key = sim_str_intern_name(S, "__match_args__", 14);
    SimId ma = attr_get(I, cls, key);
    sim_decref(S, key);
    if (ma) {
        if (sim_kind(S, ma) != SK_TUPLE || sim_obj(S, ma)->type) {
            char tname[128];
            type_name(I, cls, tname, sizeof tname);
            py_raise(I, EXC_TypeError, "%s.__match_args__ must be a tuple (got %s)", tname, op_typename(I, ma));
            sim_decref(S, ma);
            return 0;
        }
        return ma;
    }
    if (!py_err_matches(I, EXC_AttributeError))
        return 0;
    py_err_clear(I);
    static const SimKind selfish[] = {SK_BOOL, SK_BYTEARRAY, SK_BYTES, SK_DICT, SK_FLOAT, SK_INT,
                                      SK_LIST, SK_SET, SK_STR, SK_TUPLE};
    for (size_t i = 0; i < sizeof selfish / sizeof selfish[0]; i++)
        *self_match |= cls == S->types[selfish[i]] || sim_is_subtype(S, cls, S->types[selfish[i]]);
    *self_match |= cls == S->xtypes[SIM_XT_FROZENSET];
    sim_incref(S, S->empty_tuple);
    return S->empty_tuple;
}

/* match_class_attr: subject.name, 0 without an error when it is missing */
static SimId class_attr(PyRun *I, SimId subject, SimId name, SimId seen, SimId cls, bool *err)
{
    if (sim_set_contains(S, seen, name)) {
        char tname[128];
        type_name(I, cls, tname, sizeof tname);
        size_t n;
        const char *s = sim_str_data(S, name, &n);
        py_raise(I, EXC_TypeError, "%s() got multiple sub-patterns for attribute '%.*s'", tname, (int)n, s);
        *err = true;
        return 0;
    }
    sim_incref(S, name);
    sim_set_add(S, seen, name);
    SimId v = attr_get(I, subject, name);
    if (!v && py_err_matches(I, EXC_AttributeError))
        py_err_clear(I);
    else if (!v)
        *err = true;
    return v;
}

/* match_class: the tuple of attributes, None when the subject is no match */
static SimId match_class(PyRun *I, SimId subject, SimId cls, int nargs, SimId kwnames)
{
    if (sim_kind(S, cls) != SK_TYPE) {
        py_raise(I, EXC_TypeError, "called match pattern must be a %s",
                 S->prof->version < SIM_V312 ? "type" : "class");
        return 0;
    }
    SimId args[2] = {subject, cls}, isinst;
    if (!builtin_call(I, "isinstance", args, 2, &isinst))
        return 0;
    sim_decref(S, isinst);
    if (isinst != S->true_) {
        sim_incref(S, S->none);
        return S->none;
    }
    SimId seen = sim_set(S), attrs = sim_list(S, 0), ma = 0;
    bool err = false, missing = false, self_match = false;
    if (nargs) {
        ma = match_args_of(I, cls, &self_match);
        err = !ma;
        int allowed = self_match ? 1 : ma ? (int)sim_obj(S, ma)->len : 0;
        if (!err && allowed < nargs) {
            char tname[128];
            type_name(I, cls, tname, sizeof tname);
            py_raise(I, EXC_TypeError, "%s() accepts %d positional sub-pattern%s (%d given)", tname, allowed,
                     allowed == 1 ? "" : "s", nargs);
            err = true;
        }
        if (!err && self_match) {
            sim_incref(S, subject);
            sim_list_append(S, attrs, subject);
        }
        for (int i = 0; !err && !missing && !self_match && i < nargs; i++) {
            SimId name = sim_items(S, ma)[i];
            if (sim_kind(S, name) != SK_STR || sim_obj(S, name)->type) {
                py_raise(I, EXC_TypeError, "__match_args__ elements must be strings (got %s)", op_typename(I, name));
                err = true;
                break;
            }
            SimId v = class_attr(I, subject, name, seen, cls, &err);
            missing = !v;
            if (v)
                sim_list_append(S, attrs, v); /* the list takes the reference */
        }
        sim_xdecref(S, ma);
    }
    for (uint32_t i = 0; !err && !missing && i < sim_obj(S, kwnames)->len; i++) {
        SimId v = class_attr(I, subject, sim_items(S, kwnames)[i], seen, cls, &err);
        missing = !v;
        if (v)
            sim_list_append(S, attrs, v);
    }
    SimId result = 0;
    if (!err && !missing) { /* PyList_AsTuple, then the list goes */
        uint32_t n = sim_obj(S, attrs)->len;
        result = n ? sim_tuple(S, n) : S->empty_tuple;
        if (!n)
            sim_incref(S, result);
        for (uint32_t i = 0; i < n; i++) {
            sim_incref(S, sim_items(S, attrs)[i]);
            sim_tuple_set(S, result, i, sim_items(S, attrs)[i]);
        }
        sim_decref(S, attrs);
        sim_decref(S, seen);
        return result;
    }
    sim_decref(S, seen);
    sim_decref(S, attrs);
    if (err)
        return 0;
    sim_incref(S, S->none);
    return S->none;
}

bool vm_match_op(PyRun *I, int arg)
{
    int n = arg >> 4;
    SimId a, r;
    switch (arg & 15) {
    case PM_COPY:
        a = TOP(n - 1);
        sim_incref(S, a);
        PUSH(a);
        return true;
    case PM_SWAP:
        a = TOP(0);
        TOP(0) = TOP(n - 1);
        TOP(n - 1) = a;
        return true;
    case PM_SEQUENCE: case PM_MAPPING: {
        bool seq = (arg & 15) == PM_SEQUENCE;
        if (foreign(I, TOP(0), seq ? "sequence" : "mapping"))
            return false;
        PUSH(sim_bool(S, seq ? is_sequence(I, TOP(0)) : sim_kind(S, TOP(0)) == SK_DICT));
        return true;
    }
    case PM_GET_LEN:
        a = TOP(0);
        if (!builtin_call(I, "len", &a, 1, &r))
            return false;
        PUSH(r);
        return true;
    case PM_KEYS:
        if (!(r = match_keys(I, TOP(1), TOP(0))))
            return false;
        PUSH(r);
        return true;
    case PM_CLASS: {
        SimId names = POP(), cls = POP(), subject = POP();
        r = match_class(I, subject, cls, n, names);
        sim_decref(S, names), sim_decref(S, cls), sim_decref(S, subject);
        if (!r)
            return false;
        PUSH(r);
        return true;
    }
    default:
        py_raise(I, EXC_SystemError, "bad match operation %d", arg & 15);
        return false;
    }
}
