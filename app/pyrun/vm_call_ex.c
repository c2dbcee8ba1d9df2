/*
 * vm_call_ex: CALL_FUNCTION_EX (a call with `*args` / `**kwargs`) and the
 * instructions that build its tuple and dict and the star displays
 * (LIST_TO_TUPLE, DICT_MERGE, DICT_UPDATE, SET_ADD, SET_UPDATE, UNPACK_EX).
 *
 * Where the references go, as ceval does it: the argument tuple and the
 * keyword dict stay on the caller's stack while the callee runs
 * (PyObject_Call), and a non-empty dict is unpacked into an array that
 * holds one more reference to every argument plus a new tuple of the
 * keyword names (_PyStack_UnpackDict); the callee's frame takes its own
 * references.  From 3.12 a plain Python function is entered inline
 * instead: its frame takes the references, then the names, the tuple and
 * the dict are dropped before its body runs (_PyEvalFramePushAndInit_Ex).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "pyrun/builtins.h"
#include "pyrun/interp.h"
#include "pyrun/types/native.h"
#include "pyrun/types/types.h"

#define S (I->sim)
#define F (I->ts->top)
#define PUSH(v) do { SimId pv_ = (v); I->ts->stack[F->sp++] = pv_; } while (0)
#define POP() (I->ts->stack[--F->sp])
#define TOP(k) (I->ts->stack[F->sp - 1 - (k)])

/* The caller's slots of a call in progress, from its base: the NULL, the
 * callable, the tuple, the dict (or 0), the keyword names (or 0), then the
 * unpacked array's references. */
enum { EX_NULL, EX_FUNC, EX_ARGS, EX_KWARGS, EX_KWNAMES, EX_FIXED };

/* _PyObject_FunctionStr: "__main__.f()", "__main__.C.m()", "print()" */
static void function_str(PyRun *I, SimId callable, char *out, size_t cap)
{
    if (!callable) { /* a class statement's `**` (cg_class_args) */
        snprintf(out, cap, "__build_class__()");
        return;
    }
    SimId fn = callable;
    if (sim_kind(S, fn) == SK_METHOD)
        fn = SIM_V(S, fn, SK_METHOD, method.func);
    size_t n;
    const char *nm;
    switch (sim_kind(S, fn)) {
    case SK_FUNC:
        nm = sim_str_data(S, I->codes[SIM_V(S, fn, SK_FUNC, func.code)].qualname, &n);
        snprintf(out, cap, "__main__.%.*s()", (int)n, nm);
        return;
    case SK_BUILTIN:
        snprintf(out, cap, "%s()", pyrun_builtin_name(SIM_V(S, fn, SK_BUILTIN, builtin.index)));
        return;
    case SK_TYPE:
        nm = sim_str_data(S, sim_items(S, fn)[0], &n);
        snprintf(out, cap, "%s%.*s()", sim_obj(S, fn)->sub == SK_INSTANCE ? "__main__." : "", (int)n, nm);
        return;
    default:
        snprintf(out, cap, "%s object", op_typename(I, callable));
        return;
    }
}

/* PySequence_Tuple for the `*` argument (check_args_iterable first). */
static bool args_to_tuple(PyRun *I, uint32_t slot, SimId callable)
{
    SimId v = I->ts->stack[slot];
    if (sim_kind(S, v) == SK_TUPLE && !sim_is_subinst(S, v)) /* PyTuple_CheckExact */
        return true;
    SimId t;
    if (sim_kind(S, v) == SK_LIST && !sim_is_subinst(S, v)) { /* PyList_AsTuple */
        uint32_t n = sim_obj(S, v)->len;
        t = sim_tuple(S, n);
        for (uint32_t i = 0; i < n && i < sim_obj(S, t)->len; i++) {
            sim_incref(S, sim_items(S, v)[i]);
            sim_tuple_set(S, t, i, sim_items(S, v)[i]);
        }
    } else {
        SimId it = subinst_overrides_iter(I, v) ? 0 : iter_new(I, v); /* a subclass's __iter__ runs once */
        if (!it && !subinst_overrides_iter(I, v)) {
            if (I->ts->err.set)
                return false;
            char fs[200];
            function_str(I, callable, fs, sizeof fs);
            py_raise(I, EXC_TypeError, "%s argument after * must be an iterable, not %s", fs, op_typename(I, v));
            return false;
        }
        sim_xdecref(S, it);
        t = tuple_construct(I, &v, 1, 0);
        if (!t)
            return false;
    }
    I->ts->stack[slot] = t;
    sim_decref(S, v);
    return true;
}

/* The arguments as one array: the tuple's items, then the dict's values
 * (*nkw of them, named by a new *kwnames tuple); borrowed references. */
static SimId *flatten(PyRun *I, SimId args, SimId kwargs, int *n, int *nkw, SimId *kwnames)
{
    uint32_t np = sim_obj(S, args)->len, nk = kwargs ? sim_obj(S, kwargs)->len : 0;
    SimId *v = xmalloc(((size_t)np + nk + 1) * sizeof *v);
    for (uint32_t i = 0; i < np; i++)
        v[i + 1] = sim_items(S, args)[i];
    *kwnames = 0;
    if (nk) {
        uint32_t pos = 0, k = 0;
        SimId key, val;
        while (sim_dict_next(S, kwargs, &pos, &key, &val))
            if (sim_kind(S, key) != SK_STR) {
                free(v);
                py_raise(I, EXC_TypeError, "keywords must be strings");
                return NULL;
            }
        *kwnames = sim_tuple(S, nk);
        pos = 0;
        while (sim_dict_next(S, kwargs, &pos, &key, &val)) {
            sim_incref(S, key);
            sim_tuple_set(S, *kwnames, k, key);
            v[1 + np + k++] = val;
        }
    }
    *n = (int)(np + nk);
    *nkw = (int)nk;
    return v; /* v[0] is free for a bound self */
}

/* Releases a finished call's slots in ceval's order: the unpacked array,
 * the names, then the callable, the tuple and the dict. */
void vm_call_ex_release(PyRun *I, uint32_t base)
{
    Frame *f = F;
    for (uint32_t i = base + EX_FIXED; i < f->sp; i++) {
        SimId v = I->ts->stack[i];
        I->ts->stack[i] = 0;
        sim_xdecref(S, v);
    }
    static const int order[] = {EX_KWNAMES, EX_FUNC, EX_ARGS, EX_KWARGS};
    for (size_t k = 0; k < sizeof order / sizeof order[0]; k++) {
        SimId v = I->ts->stack[base + (uint32_t)order[k]];
        I->ts->stack[base + (uint32_t)order[k]] = 0;
        sim_xdecref(S, v);
    }
    F->sp = base;
}

/* A Python function entered inline (3.12+): its frame takes the
 * references; the names, the tuple and the dict go before its body runs. */
static bool call_inline(PyRun *I, uint32_t base, SimId *v, int n)
{
    Frame *caller = F;
    SimId func = I->ts->stack[base + EX_FUNC];
    I->ts->stack[base + EX_FUNC] = 0;
    for (int i = 0; i < n; i++)
        sim_incref(S, v[i + 1]);
    SimId kwnames = I->ts->stack[base + EX_KWNAMES];
    bool ok = vm_push_python(I, func, 0, v + 1, n, kwnames);
    static const int order[] = {EX_KWNAMES, EX_ARGS, EX_KWARGS};
    for (size_t k = 0; k < sizeof order / sizeof order[0]; k++) {
        SimId x = I->ts->stack[base + (uint32_t)order[k]];
        I->ts->stack[base + (uint32_t)order[k]] = 0;
        sim_xdecref(S, x);
    }
    caller->sp = base;
    if (ok && I->ts->gen_made) { /* a generator function: the generator is the result */
        PUSH(I->ts->gen_made);
        I->ts->gen_made = 0;
    } else if (ok) {
        vm_eval_breaker(I); /* RESUME */
    }
    return ok;
}

/* Through PyObject_Call: a Python function (3.11), a bound method, or a
 * built-in.  With keywords, the unpacked array's references stay in the
 * caller's slots until the call ends. */
static bool call_held(PyRun *I, uint32_t base, SimId callable, SimId *v, int n, int nkw)
{
    SimId kwnames = I->ts->stack[base + EX_KWNAMES];
    if (nkw)
        for (int i = 0; i < n; i++) {
            sim_incref(S, v[i + 1]);
            PUSH(v[i + 1]);
        }
    SimKind k = sim_kind(S, callable);
    if (k == SK_ITER) { /* a native callable: PyObject_Call hands it the tuple it has */
        I->ts->ex_args = I->ts->stack[base + EX_ARGS];
        SimId res = native_call(I, callable, v + 1, n, kwnames);
        I->ts->ex_args = 0;
        if (!res)
            return false;
        vm_call_ex_release(I, base);
        PUSH(res);
        vm_eval_breaker(I);
        return true;
    }
    if (k == SK_BUILTIN || k == SK_TYPE) {
        SimId self = k == SK_BUILTIN ? SIM_V(S, callable, SK_BUILTIN, builtin.self) : 0;
        uint32_t index = k == SK_BUILTIN ? SIM_V(S, callable, SK_BUILTIN, builtin.index)
                                         : 0xffff0000u | sim_obj(S, callable)->sub;
        v[0] = self;
        I->ts->call_ex = I->ts->stack[base + EX_ARGS];
        SimId res = builtins_call(I, index, k == SK_TYPE ? callable : self, self ? v : v + 1, self ? n + 1 : n,
                                  kwnames);
        I->ts->call_ex = 0; /* when the call failed before it began */
        if (!res)
            return false; /* the slots go with the unwinding */
        vm_call_ex_release(I, base);
        PUSH(res);
        vm_eval_breaker(I);
        return true;
    }
    SimId func = callable, self = 0;
    if (k == SK_METHOD) {
        func = SIM_V(S, callable, SK_METHOD, method.func);
        self = SIM_V(S, callable, SK_METHOD, method.self);
        sim_incref(S, self);
    }
    sim_incref(S, func);
    for (int i = 0; i < n; i++)
        sim_incref(S, v[i + 1]);
    if (!vm_push_python(I, func, self, v + 1, n, kwnames)) {
        vm_call_ex_release(I, base);
        return false;
    }
    if (I->ts->gen_made) { /* a generator function: the generator is the result */
        SimId g = I->ts->gen_made;
        I->ts->gen_made = 0;
        vm_call_ex_release(I, base);
        PUSH(g);
        return true;
    }
    F->kind = FR_EX;
    vm_frame_entered(I, F, ENTERED_C);
    F->callbase = base;
    vm_eval_breaker(I); /* RESUME */
    return true;
}

/* A class of the program through type_call: the instance, then __init__
 * called with the tuple's items after self (_PyObject_Call_Prepend), the
 * keywords unpacked as for any call; an exception class keeps the very
 * tuple as its args. */
static bool call_class(PyRun *I, uint32_t base, SimId cls, SimId *v, int n, int nkw)
{
    SimId kwnames = I->ts->stack[base + EX_KWNAMES], tuple = I->ts->stack[base + EX_ARGS];
    if (metaclass_takes_call(I, cls)) { /* type(cls).__call__, or type_call of a metaclass */
        SimId m = metaclass_dispatch(I, cls, v + 1, n, kwnames);
        if (!m)
            return false;
        vm_call_ex_release(I, base);
        PUSH(m);
        vm_eval_breaker(I);
        return true;
    }
    if (enum_is_enum_class(I, cls) || datetime_is_class(I, cls)) { /* EnumType.__call__; date_new ... */
        SimId m = enum_is_enum_class(I, cls) ? enum_call(I, cls, v + 1, n, kwnames)
                                             : datetime_call(I, cls, v + 1, n, kwnames);
        if (!m)
            return false;
        vm_call_ex_release(I, base);
        PUSH(m);
        return true;
    }
    if (sim_type_word(S, cls, SIM_TY_KIND) == SK_TUPLE || scalarsub_layout(I, cls)) { /* the call's own tuple */
        SimId made = vm_tuplesub_call(I, cls, v + 1, n, kwnames, false);
        if (!made)
            return false;
        vm_call_ex_release(I, base);
        PUSH(made);
        vm_eval_breaker(I);
        return true;
    }
    if (exc_is_group_class(I, cls)) { /* BaseExceptionGroup_new on the call's tuple */
        SimId g = exc_group_call_tuple(I, cls, tuple, kwnames && sim_obj(S, kwnames)->len);
        if (!g)
            return false;
        vm_call_ex_release(I, base);
        PUSH(g);
        vm_eval_breaker(I);
        return true;
    }
    SimId init = sim_type_lookup(S, cls, "__init__");
    SimId inst;
    if (exc_is_class(I, cls)) { /* BaseException_new: self->args = args */
        sim_incref(S, tuple);
        inst = exc_new(I, cls, tuple);
        if (I->ts->err.set || I->refused) { /* the built-in tp_init refused its arguments */
            sim_decref(S, inst);
            return false;
        }
    } else if (sim_type_word(S, cls, SIM_TY_KIND)) { /* a subclass of list or dict */
        inst = subinst_new(I, cls);
        if (!init) { /* list.__init__ / dict.__init__ with the tuple and dict the call has */
            if (!subinst_init(I, inst, v + 1, n, kwnames)) {
                sim_decref(S, inst);
                return false;
            }
            vm_call_ex_release(I, base);
            PUSH(inst);
            vm_eval_breaker(I);
            return true;
        }
    } else {
        inst = sim_instance(S, cls);
    }
    if (init && weakref_native_method(I, init)) { /* weakref's, ChainMap's, Fraction's __init__ */
        SimId r = nkw ? (py_not_modelled(I, 0, "a call with ** of a class the model makes"), (SimId)0)
                      : weakref_native_call(I, init, inst, v + 1, n, kwnames);
        if (!r) {
            sim_decref(S, inst);
            return false;
        }
        sim_decref(S, r);
        vm_call_ex_release(I, base);
        PUSH(inst);
        vm_eval_breaker(I);
        return true;
    }
    if (!init || sim_kind(S, init) != SK_FUNC) {
        if (n > 0 && !exc_is_class(I, cls)) {
            size_t len;
            const char *nm = sim_str_data(S, sim_items(S, cls)[0], &len);
            py_raise(I, EXC_TypeError, "%.*s() takes no arguments", (int)len, nm);
            sim_decref(S, inst);
            return false;
        }
        vm_call_ex_release(I, base);
        PUSH(inst);
        vm_eval_breaker(I);
        return true;
    }
    if (nkw) { /* the unpacked array holds self too */
        sim_incref(S, inst);
        PUSH(inst);
        for (int i = 0; i < n; i++) {
            sim_incref(S, v[i + 1]);
            PUSH(v[i + 1]);
        }
    }
    sim_incref(S, inst); /* the frame's self; the call keeps the other */
    sim_incref(S, init);
    for (int i = 0; i < n; i++)
        sim_incref(S, v[i + 1]);
    if (!vm_push_python(I, init, inst, v + 1, n, kwnames)) {
        sim_decref(S, inst);
        vm_call_ex_release(I, base);
        return false;
    }
    F->kind = FR_INIT_EX;
    vm_frame_entered(I, F, ENTERED_C);
    F->extra = inst;
    F->callbase = base;
    vm_eval_breaker(I); /* RESUME */
    return true;
}

/* Built-in types whose constructor the model runs as CPython's vectorcall
 * or tp_call runs it from a tuple (the others make an argument tuple of
 * their own, which a `*` call would not). */
static bool type_takes_ex(PyRun *I, SimId t)
{
    SimKind sub = (SimKind)sim_obj(S, t)->sub;
    SimXType xt = (SimXType)sim_obj(S, t)->cap; /* enumerate, zip ... and itertools' types */
    bool lazy = sub == SK_ITER && xt >= SIM_XT_REVERSED && xt != SIM_XT_IT_GROUPER;
    return sub == SK_INT || sub == SK_FLOAT || sub == SK_BOOL || sub == SK_LIST || sub == SK_TUPLE ||
           sub == SK_DICT || sub == SK_SET || sub == SK_RANGE || sub == SK_OBJECT || sub == SK_TYPE || lazy;
}

bool vm_call_ex(PyRun *I, int has_kw)
{
    uint32_t base = F->sp - 3u - (uint32_t)has_kw;
    if (!has_kw)
        PUSH(0);
    PUSH(0); /* the keyword names' slot */
    SimId callable = I->ts->stack[base + EX_FUNC];
    if (!args_to_tuple(I, base + EX_ARGS, callable))
        return false;
    SimKind k = sim_kind(S, callable);
    bool python = k == SK_FUNC || (k == SK_METHOD && sim_kind(S, SIM_V(S, callable, SK_METHOD, method.func)) == SK_FUNC);
    bool user_class = k == SK_TYPE && sim_obj(S, callable)->sub == SK_INSTANCE;
    bool builtin_type = k == SK_TYPE && !user_class && type_takes_ex(I, callable);
    bool native = k == SK_ITER && native_callable(I, callable); /* a partial, an itemgetter */
    if (!python && k != SK_BUILTIN && !user_class && !builtin_type && !native) {
        if (k == SK_STATICMETHOD)
            return py_not_modelled(I, 0, "calling a staticmethod object directly");
        if (k == SK_INSTANCE && sim_type_lookup(S, sim_obj(S, callable)->type, "__call__"))
            return py_not_modelled(I, 0, "calling an instance with '*' or '**' arguments");
        if (k == SK_TYPE || k == SK_WEAKREF || k == SK_METHOD)
            return py_not_modelled(I, 0, "calling %s with '*' or '**' arguments",
                                   k == SK_TYPE ? "this built-in type" : k == SK_WEAKREF ? "a weak reference"
                                                                                         : "a bound method of a built-in");
        py_raise(I, EXC_TypeError, "'%s' object is not callable", op_typename(I, callable));
        return false;
    }
    int n, nkw;
    SimId kwnames;
    SimId *v = flatten(I, I->ts->stack[base + EX_ARGS], I->ts->stack[base + EX_KWARGS], &n, &nkw, &kwnames);
    if (!v)
        return false;
    I->ts->stack[base + EX_KWNAMES] = kwnames;
    bool ok = user_class                                  ? call_class(I, base, callable, v, n, nkw)
              : k == SK_FUNC && S->prof->call_ex_inline ? call_inline(I, base, v, n)
                                                          : call_held(I, base, callable, v, n, nkw);
    free(v);
    return ok;
}

/* ---- the tuple, dict and set builders --------------------------------------- */

bool vm_list_to_tuple(PyRun *I)
{
    SimId l = POP();
    uint32_t n = sim_obj(S, l)->len;
    SimId t = sim_tuple(S, n);
    for (uint32_t i = 0; i < n && i < sim_obj(S, t)->len; i++) {
        sim_incref(S, sim_items(S, l)[i]);
        sim_tuple_set(S, t, i, sim_items(S, l)[i]);
    }
    sim_decref(S, l);
    PUSH(t);
    return true;
}

/* LIST_EXTEND, with ceval's message for a `*x` that is not iterable */
bool vm_list_extend(PyRun *I, int depth)
{
    SimId src = POP();
    if (subinst_overrides_iter(I, src)) { /* iterable, with a __iter__ or __len__ to call once */
        bool ok = list_extend(I, TOP(depth - 1), src);
        sim_decref(S, src);
        return ok;
    }
    SimId it = iter_new(I, src);
    if (!it && !I->ts->err.set)
        py_raise(I, EXC_TypeError, "Value after * must be an iterable, not %s", op_typename(I, src));
    sim_xdecref(S, it);
    bool ok = it && list_extend(I, TOP(depth - 1), src);
    sim_decref(S, src);
    return ok;
}

/* DICT_MERGE (a call's `**`: duplicates are an error) and DICT_UPDATE (a
 * display's `**`: the later value wins). */
bool vm_dict_merge(PyRun *I, int depth, bool call)
{
    SimId src = POP();
    SimId d = TOP(depth - 1);
    SimKind k = sim_kind(S, src);
    if (k != SK_DICT) {
        bool mapping = k == SK_INSTANCE; /* it may have keys() and __getitem__ */
        if (mapping) {
            sim_decref(S, src);
            return py_not_modelled(I, 0, "'**' unpacking of a mapping that is not a dict");
        }
        if (call) {
            char fs[200];
            function_str(I, TOP(depth + 1), fs, sizeof fs);
            py_raise(I, EXC_TypeError, "%s argument after ** must be a mapping, not %s", fs, op_typename(I, src));
        } else {
            py_raise(I, EXC_TypeError, "'%s' object is not a mapping", op_typename(I, src));
        }
        sim_decref(S, src);
        return false;
    }
    SimId dup = 0;
    if (!dict_merge(I, d, src, call ? DICT_MERGE_FAIL : DICT_MERGE_SET, &dup)) {
        char fs[200];
        size_t n;
        const char *nm = sim_str_data(S, dup, &n);
        function_str(I, TOP(depth + 1), fs, sizeof fs);
        if (sim_kind(S, dup) == SK_STR)
            py_raise(I, EXC_TypeError, "%s got multiple values for keyword argument '%.*s'", fs, (int)n, nm);
        else
            py_raise(I, EXC_TypeError, "keywords must be strings");
        sim_decref(S, src);
        return false;
    }
    sim_decref(S, src);
    return true;
}

bool vm_set_add(PyRun *I, int depth)
{
    SimId v = POP();
    if (!dict_check_key(I, v)) {
        sim_decref(S, v);
        return false;
    }
    sim_set_add(S, TOP(depth - 1), v);
    return !I->ts->err.set; /* a program's __eq__ may raise */
}

/* SET_UPDATE of `{*x}` or of a display's constant frozenset:
 * set_update_internal (types/set.c) */
bool vm_set_extend(PyRun *I, int depth)
{
    SimId src = POP();
    bool ok = set_update(I, TOP(depth - 1), src);
    sim_decref(S, src);
    return ok;
}

/* The rest of an iterator as a new list, allocated as measured on 3.11-3.13:
 * exactly its length hint rounded up to even (list_preallocate_exact). */
static SimId rest_list(PyRun *I, SimId it)
{
    SimId *vals = NULL, v;
    size_t n = 0, cap = 0;
    int got;
    while ((got = iter_step(I, it, &v)) > 0) {
        vals = xgrow(vals, &cap, n + 1, sizeof *vals);
        vals[n++] = v;
    }
    if (got < 0) {
        for (size_t i = 0; i < n; i++)
            sim_decref(S, vals[i]);
        free(vals);
        return 0;
    }
    SimId l = sim_list(S, 0);
    if (n)
        list_preallocate(I, l, n);
    if (sim_obj(S, l)->cap < n) { /* the budget refused the room */
        for (size_t i = 0; i < n; i++)
            sim_decref(S, vals[i]);
        free(vals);
        sim_decref(S, l);
        py_no_memory(I);
        return 0;
    }
    for (size_t i = 0; i < n; i++) /* stored in place, as list_extend does */
        sim_items(S, l)[i] = vals[i];
    sim_obj(S, l)->len = (uint32_t)n;
    free(vals);
    return l;
}

/* UNPACK_EX: `before` items, a list of the rest but `after`, then `after`
 * items (unpack_iterable); pushed so that the first target is on top. */
bool vm_unpack_ex(PyRun *I, int arg)
{
    int before = arg & 0xff, after = arg >> 8;
    SimId seq = POP();
    SimId it = iter_new(I, seq);
    if (!it) {
        if (!I->ts->err.set)
            py_raise(I, EXC_TypeError, "cannot unpack non-iterable %s object", op_typename(I, seq));
        sim_decref(S, seq);
        return false;
    }
    SimId *items = xmalloc(((size_t)before + (size_t)after + 1) * sizeof *items);
    int got = 0;
    SimId rest = 0;
    bool ok = true;
    for (; got < before; got++) {
        SimId v;
        int step = iter_step(I, it, &v);
        if (step <= 0) {
            if (step == 0)
                py_raise(I, EXC_ValueError, "not enough values to unpack (expected at least %d, got %d)",
                         before + after, got);
            ok = false;
            break;
        }
        items[got] = v;
    }
    if (ok) /* PySequence_List of what is left: room for the iterator's length hint */
        ok = (rest = rest_list(I, it)) != 0;
    if (ok) {
        uint32_t len = sim_obj(S, rest)->len;
        if (len < (uint32_t)after) {
            py_raise(I, EXC_ValueError, "not enough values to unpack (expected at least %d, got %u)",
                     before + after, (uint32_t)before + len);
            ok = false;
        } else { /* the last `after` items leave the list by its size alone */
            for (int i = 0; i < after; i++)
                items[before + i] = sim_items(S, rest)[len - (uint32_t)after + (uint32_t)i];
            sim_obj(S, rest)->len = len - (uint32_t)after;
        }
    }
    sim_decref(S, it);
    sim_decref(S, seq);
    if (!ok) {
        for (int i = 0; i < got; i++)
            sim_decref(S, items[i]);
        sim_xdecref(S, rest);
        free(items);
        return false;
    }
    for (int i = after - 1; i >= 0; i--)
        PUSH(items[before + i]);
    PUSH(rest);
    for (int i = before - 1; i >= 0; i--)
        PUSH(items[i]);
    free(items);
    return true;
}
