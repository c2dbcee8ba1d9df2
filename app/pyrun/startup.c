/*
 * startup: what exists before the first line runs — the builtins dict,
 * the gc/sys/weakref modules, exception classes — and the built-in type
 * constructors (int(), str(), list(), bytes(n), range(), ...).
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pyrun/builtins.h"
#include "sim/gc.h"

#define S (I->sim)


/* a built-in callable that exists from startup: no memory, not tracked */
static SimId static_builtin(PyRun *I, uint32_t index)
{
    SimId b = sim_builtin(S, index, 0);
    SimObj *o = sim_obj(S, b);
    sim_untrack(S, b);
    pm_free(&S->pm, o->mem);
    o->mem = PM_NULL;
    o->flags |= SIM_F_STATIC;
    return b;
}

static void dict_put(PyRun *I, SimId d, const char *name, SimId v)
{
    sim_dict_set(S, d, sim_str_intern(S, name, strlen(name)), v);
}

static SimId make_module(PyRun *I, const char *name, int which)
{
    SimId d = sim_dict(S);
    int base = function_ndefs + method_ndefs;
    for (int i = 0; i < module_ndefs; i++)
        if (module_defs[i].module == which)
            dict_put(I, d, module_defs[i].name, static_builtin(I, (uint32_t)(base + i)));
    return sim_module(S, sim_str_intern(S, name, strlen(name)), d);
}

void builtins_init(PyRun *I)
{
    I->builtins = sim_dict(S);
    for (int i = 0; i < function_ndefs; i++)
        dict_put(I, I->builtins, function_defs[i].name, static_builtin(I, (uint32_t)i));
    for (int i = 0; i < method_ndefs && i < 128; i++)
        I->builtin_methods[function_ndefs + i] = static_builtin(I, (uint32_t)(function_ndefs + i));
    static const struct { const char *name; SimKind k; } types[] = {
        {"int", SK_INT}, {"float", SK_FLOAT}, {"str", SK_STR}, {"bytes", SK_BYTES},
        {"bytearray", SK_BYTEARRAY}, {"list", SK_LIST}, {"tuple", SK_TUPLE}, {"dict", SK_DICT},
        {"set", SK_SET}, {"object", SK_OBJECT}, {"type", SK_TYPE}, {"bool", SK_BOOL},
        {"range", SK_RANGE},
    };
    for (unsigned i = 0; i < sizeof types / sizeof types[0]; i++) {
        sim_incref(S, S->types[types[i].k]);
        dict_put(I, I->builtins, types[i].name, S->types[types[i].k]);
    }
    sim_incref(S, S->none);
    dict_put(I, I->builtins, "None", S->none);
    errors_init(I);
    I->mod_gc = make_module(I, "gc", BM_GC);
    I->mod_sys = make_module(I, "sys", BM_SYS);
    I->mod_weakref = make_module(I, "weakref", BM_WEAKREF);
    SimId gcd = sim_obj(S, I->mod_gc)->v.p.a;
    S->gc.garbage = sim_list(S, 0);
    sim_incref(S, S->gc.garbage);
    dict_put(I, gcd, "garbage", S->gc.garbage);
    S->gc.callbacks = sim_list(S, 0);
    sim_incref(S, S->gc.callbacks);
    dict_put(I, gcd, "callbacks", S->gc.callbacks);
    dict_put(I, gcd, "DEBUG_STATS", sim_int(S, 1));
    dict_put(I, gcd, "DEBUG_COLLECTABLE", sim_int(S, 2));
    dict_put(I, gcd, "DEBUG_UNCOLLECTABLE", sim_int(S, 4));
    dict_put(I, gcd, "DEBUG_SAVEALL", sim_int(S, 32));
    dict_put(I, gcd, "DEBUG_LEAK", sim_int(S, 38));
    SimId sysd = sim_obj(S, I->mod_sys)->v.p.a;
    dict_put(I, sysd, "maxsize", sim_int(S, INT64_MAX));
    sim_incref(S, S->types[SK_WEAKREF]);
    dict_put(I, sim_obj(S, I->mod_weakref)->v.p.a, "ReferenceType", S->types[SK_WEAKREF]);
}

/* ---- constructors ----------------------------------------------------------- */

static SimId parse_int(PyRun *I, SimId s)
{
    size_t n;
    const char *d = sim_str_data(S, s, &n);
    char buf[64];
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < sizeof buf; i++)
        if (d[i] != '_')
            buf[k++] = d[i];
    buf[k] = '\0';
    char *end;
    errno = 0;
    long long v = strtoll(buf, &end, 10);
    while (*end == ' ' || *end == '\n' || *end == '\t')
        end++;
    if (!k || *end || end == buf || errno) {
        Buf b = {0};
        op_repr(I, s, &b);
        py_raise(I, "ValueError", "invalid literal for int() with base 10: %s", buf_str(&b));
        buf_fini(&b);
        return 0;
    }
    return sim_int(S, v);
}

static SimId make_bytes(PyRun *I, SimId src, bool array)
{
    SimKind k = sim_kind(S, src);
    if (k == SK_INT) {
        int64_t n = sim_obj(S, src)->v.i;
        if (n < 0) {
            py_raise(I, "ValueError", "negative count");
            return 0;
        }
        return array ? sim_bytearray(S, NULL, (size_t)n) : sim_bytes(S, NULL, (size_t)n);
    }
    if (k == SK_BYTES || k == SK_BYTEARRAY || k == SK_STR) {
        size_t n;
        const char *d = sim_str_data(S, src, &n);
        if (k == SK_STR) {
            py_raise(I, "TypeError", "string argument without an encoding");
            return 0;
        }
        return array ? sim_bytearray(S, (const uint8_t *)d, n) : sim_bytes(S, (const uint8_t *)d, n);
    }
    SimId l = bi_list_from(I, src);
    if (!l)
        return 0;
    uint32_t n = sim_obj(S, l)->len;
    uint8_t *buf = malloc(n + 1);
    for (uint32_t i = 0; i < n; i++) {
        SimId v = sim_items(S, l)[i];
        if (sim_kind(S, v) != SK_INT || sim_obj(S, v)->v.i < 0 || sim_obj(S, v)->v.i > 255) {
            free(buf);
            sim_decref(S, l);
            py_raise(I, "ValueError", "bytes must be in range(0, 256)");
            return 0;
        }
        buf[i] = (uint8_t)sim_obj(S, v)->v.i;
    }
    sim_decref(S, l);
    SimId r = array ? sim_bytearray(S, buf, n) : sim_bytes(S, buf, n);
    free(buf);
    return r;
}

static SimId make_dict(PyRun *I, SimId *a, int n, SimId kw)
{
    int np = bi_npos(I, n, kw);
    SimId d = sim_dict(S);
    if (np == 1) {
        SimId src = a[0];
        if (sim_kind(S, src) == SK_DICT) {
            uint32_t pos = 0;
            SimId k, v;
            while (sim_dict_next(S, src, &pos, &k, &v)) {
                sim_incref(S, k), sim_incref(S, v);
                sim_dict_set(S, d, k, v);
            }
        } else {
            SimId l = bi_list_from(I, src);
            if (!l) {
                sim_decref(S, d);
                return 0;
            }
            for (uint32_t i = 0; i < sim_obj(S, l)->len; i++) {
                SimId p = sim_items(S, l)[i];
                if ((sim_kind(S, p) != SK_TUPLE && sim_kind(S, p) != SK_LIST) || sim_obj(S, p)->len != 2) {
                    py_raise(I, "ValueError", "dictionary update sequence element #%u has wrong length", i);
                    sim_decref(S, l), sim_decref(S, d);
                    return 0;
                }
                SimId k = sim_items(S, p)[0], v = sim_items(S, p)[1];
                sim_incref(S, k), sim_incref(S, v);
                sim_dict_set(S, d, k, v);
            }
            sim_decref(S, l);
        }
    }
    for (int i = np; i < n; i++) {
        SimId k = sim_items(S, kw)[i - np];
        sim_incref(S, k), sim_incref(S, a[i]);
        sim_dict_set(S, d, k, a[i]);
    }
    return d;
}

SimId type_construct(PyRun *I, int kind, SimId *a, int n, SimId kw)
{
    int np = bi_npos(I, n, kw);
    if (kw && kind != SK_DICT) {
        py_raise(I, "TypeError", "%s() takes no keyword arguments", sim_kind_name((SimKind)kind));
        return 0;
    }
    switch ((SimKind)kind) {
    case SK_INT:
        if (!bi_nargs(I, "int", np, 0, 1))
            return 0;
        if (np == 0)
            return sim_int(S, 0);
        if (sim_kind(S, a[0]) == SK_INT || sim_kind(S, a[0]) == SK_BOOL)
            return sim_int(S, sim_obj(S, a[0])->v.i);
        if (sim_kind(S, a[0]) == SK_FLOAT)
            return sim_int(S, (int64_t)trunc(sim_obj(S, a[0])->v.f));
        if (sim_kind(S, a[0]) == SK_STR)
            return parse_int(I, a[0]);
        py_raise(I, "TypeError", "int() argument must be a string, a bytes-like object or a real number, not '%s'", op_typename(I, a[0]));
        return 0;
    case SK_FLOAT:
        if (!bi_nargs(I, "float", np, 0, 1))
            return 0;
        if (np == 0)
            return sim_float(S, 0.0);
        if (sim_kind(S, a[0]) == SK_FLOAT) {
            sim_incref(S, a[0]);
            return a[0];
        }
        if (sim_kind(S, a[0]) == SK_INT || sim_kind(S, a[0]) == SK_BOOL)
            return sim_float(S, (double)sim_obj(S, a[0])->v.i);
        if (sim_kind(S, a[0]) == SK_STR) {
            size_t len;
            const char *d = sim_str_data(S, a[0], &len);
            char buf[64];
            snprintf(buf, sizeof buf, "%.*s", (int)len, d);
            char *end;
            double v = strtod(buf, &end);
            if (end != buf && !*end)
                return sim_float(S, v);
            py_raise(I, "ValueError", "could not convert string to float: '%s'", buf);
            return 0;
        }
        py_raise(I, "TypeError", "float() argument must be a string or a real number, not '%s'", op_typename(I, a[0]));
        return 0;
    case SK_STR: {
        if (!S->prof->str_vectorcall) /* no vectorcall: type_call packs the arguments */
            bi_args_tuple(I, n);
        if (!bi_nargs(I, "str", np, 0, 1))
            return 0;
        if (np == 0)
            return sim_str(S, "", 0);
        if (sim_kind(S, a[0]) == SK_STR) {
            sim_incref(S, a[0]);
            return a[0];
        }
        Buf b = {0};
        if (!op_str(I, a[0], &b)) {
            buf_fini(&b);
            return 0;
        }
        SimId r = sim_str(S, buf_str(&b), b.len);
        buf_fini(&b);
        return r;
    }
    case SK_BOOL:
        if (!bi_nargs(I, "bool", np, 0, 1))
            return 0;
        return sim_bool(S, np && op_truth(I, a[0]) == 1);
    case SK_BYTES: case SK_BYTEARRAY:
        bi_args_tuple(I, n); /* no vectorcall: type_call makes a tuple */
        if (!bi_nargs(I, kind == SK_BYTES ? "bytes" : "bytearray", np, 0, 2))
            return 0;
        if (np == 0)
            return kind == SK_BYTES ? sim_bytes(S, NULL, 0) : sim_bytearray(S, NULL, 0);
        if (np == 2 && sim_kind(S, a[0]) == SK_STR) {
            size_t len;
            const char *d = sim_str_data(S, a[0], &len);
            return kind == SK_BYTES ? sim_bytes(S, (const uint8_t *)d, len) : sim_bytearray(S, (const uint8_t *)d, len);
        }
        return make_bytes(I, a[0], kind == SK_BYTEARRAY);
    case SK_LIST:
        if (!bi_nargs(I, "list", np, 0, 1))
            return 0;
        if (np) { /* list___init__: exact room for sized iterables, then extend */
            SimId l = sim_list(S, 0);
            SimKind sk = sim_kind(S, a[0]);
            if (sk != SK_ITER && sk != SK_INSTANCE) {
                int64_t len = sk == SK_STR ? sim_obj(S, a[0])->cap : sk == SK_DICTVIEW ? sim_obj(S, sim_obj(S, a[0])->v.p.a)->len : sim_obj(S, a[0])->len;
                if (sk == SK_RANGE) {
                    SimId ln = builtins_call(I, 1, 0, &a[0], 1, 0);
                    len = ln ? sim_obj(S, ln)->v.i : 0;
                    sim_xdecref(S, ln);
                }
                if (len > 0)
                    list_preallocate(I, l, (size_t)len);
            }
            if (!list_extend(I, l, a[0])) {
                sim_decref(S, l);
                return 0;
            }
            return l;
        }
        return sim_list(S, 0);
    case SK_TUPLE: {
        if (!bi_nargs(I, "tuple", np, 0, 1))
            return 0;
        if (!np)
            return sim_tuple(S, 0);
        if (sim_kind(S, a[0]) == SK_TUPLE) {
            sim_incref(S, a[0]);
            return a[0];
        }
        SimId l = bi_list_from(I, a[0]);
        if (!l)
            return 0;
        uint32_t len = sim_obj(S, l)->len;
        SimId t = sim_tuple(S, len);
        for (uint32_t i = 0; i < len; i++) {
            sim_incref(S, sim_items(S, l)[i]);
            sim_tuple_set(S, t, i, sim_items(S, l)[i]);
        }
        sim_decref(S, l);
        return t;
    }
    case SK_DICT:
        return make_dict(I, a, n, kw);
    case SK_SET: {
        if (!bi_nargs(I, "set", np, 0, 1))
            return 0;
        SimId st = sim_set(S);
        if (!np)
            return st;
        SimId l = bi_list_from(I, a[0]);
        if (!l) {
            sim_decref(S, st);
            return 0;
        }
        for (uint32_t i = 0; i < sim_obj(S, l)->len; i++) {
            SimId v = sim_items(S, l)[i];
            if (!sim_hashable(S, v)) {
                py_raise(I, "TypeError", "unhashable type: '%s'", op_typename(I, v));
                sim_decref(S, l), sim_decref(S, st);
                return 0;
            }
            sim_incref(S, v);
            sim_set_add(S, st, v);
        }
        sim_decref(S, l);
        return st;
    }
    case SK_OBJECT:
        if (np) {
            py_raise(I, "TypeError", "object() takes no arguments");
            return 0;
        }
        return sim_object(S);
    case SK_TYPE: {
        if (np != 1) {
            py_raise(I, "TypeError", "type() takes 1 argument in pydive");
            return 0;
        }
        SimId t = sim_type_of(S, a[0]);
        sim_incref(S, t);
        return t;
    }
    case SK_RANGE: {
        int64_t v[3] = {0, 0, 1};
        if (!bi_nargs(I, "range", np, 1, 3))
            return 0;
        for (int i = 0; i < np; i++)
            if (!bi_int_arg(I, a[i], &v[np == 1 ? 1 : i]))
                return 0;
        if (v[2] == 0) {
            py_raise(I, "ValueError", "range() arg 3 must not be zero");
            return 0;
        }
        return sim_range(S, v[0], v[1], v[2]);
    }
    default:
        py_raise(I, "TypeError", "cannot create '%s' instances", sim_kind_name((SimKind)kind));
        return 0;
    }
}
