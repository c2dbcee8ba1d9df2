/*
 * vm: the bytecode interpreter.  One loop runs every Python frame (so a
 * step can stop inside a call); C code re-enters it for finalizers and
 * callbacks.  References move as in CPython 3.11's ceval: a call to a
 * Python function moves the arguments into the callee's locals, a call
 * through C (type() calling __init__, a finalizer) copies them, a frame's
 * locals are released in slot order when it returns.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "pyrun/builtins.h"
#include "pyrun/interp.h"
#include "pyrun/modules/threading.h"
#include "pyrun/types/native.h"
#include "pyrun/types/types.h"
#include "pyrun/vm_argcopy.h"
#include "pyrun/vm_fastcall.h"
#include "sim/gc.h"

#define S (I->sim)
#define TOPF (I->ts->top)

/* The call path's helpers, inlined into CALL where the compiler allows */
#if defined(__GNUC__)
#define CALL_INLINE inline __attribute__((always_inline))
#else
#define CALL_INLINE inline
#endif

static inline void push(PyRun *I, SimId v)
{
    Frame *f = TOPF;
    I->ts->stack[f->sp++] = v;
}
static inline SimId pop(PyRun *I) { return I->ts->stack[--TOPF->sp]; }

/* ---- frames --------------------------------------------------------------- */

static CALL_INLINE Frame *new_frame(PyRun *I, uint32_t ci, SimId globals)
{
    PyThreadState *ts = I->ts;
    if (!vm_depth_ok(I)) /* the module frame counts: 999 calls deep (checked by 461_*) */
        return NULL;
    Frame *top = ts->top;
    uint32_t base = top ? top->sp : 0;
    if (base + (uint32_t)I->codes[ci].nslots + 4096 > VM_STACK) {
        py_not_modelled(I, 0, "recursion %d frames deep whose frames fill the model's value stack", ts->nframes);
        return NULL;
    }
    uint32_t tbase = top ? top->tbase + (uint32_t)I->codes[top->code].maxtry : 0;
    size_t need = (size_t)tbase + (size_t)I->codes[ci].maxtry;
    if (need > ts->captrys)
        ts->trys = xgrow(ts->trys, &ts->captrys, need, sizeof *ts->trys);
    Frame *f = py_thread_push_frame(ts);
    vm_set_depth(I, ts->nframes);
    f->tbase = tbase;
    f->code = ci;
    f->globals = globals;
    f->base = base;
    f->sp = base + (uint32_t)I->codes[ci].nslots;
    f->line = I->codes[ci].firstline;
    f->hbase = I->ts->nhandled;
    for (uint32_t i = base; i < f->sp; i++)
        I->ts->stack[i] = 0;
    return f;
}

Frame *vm_new_frame(PyRun *I, uint32_t ci, SimId globals) { return new_frame(I, ci, globals); }

/* A plain function's frame (nothing but its slots and its function to
 * release): what unwind_frame does for it. */
static CALL_INLINE bool unwind_plain(PyRun *I)
{
    PyThreadState *const ts = I->ts;
    Frame *const f = ts->top;
    if ((f->fobj | f->flocals | f->locals | f->extra | f->argtuple | f->argdict | f->classkw | f->classhold[0] |
         f->classmeta) != 0)
        return false;
    SimId *const stack = ts->stack;
    int was = ts->clearing;
    ts->clearing = ts->nframes;
    while (f->sp > f->base) { /* the frame never moves; a finalizer's frames come and go above it */
        uint32_t i = f->base;
        SimId v = stack[i];
        stack[i] = 0; /* shift down so a re-entrant run never sees freed slots */
        f->base = i + 1;
        if (v)
            sim_decref(S, v);
    }
    SimId func = f->func;
    f->func = 0;
    vm_pop_frame(I);
    ts->clearing = was;
    sim_xdecref(S, func);
    return true;
}

/* Releases a frame's locals and stack (slot order), its function and dict. */
static CALL_INLINE void unwind_frame(PyRun *I)
{
    if (unwind_plain(I))
        return;
    Frame *f = TOPF;
    if (f->fobj) {
        tb_frame_end(I, f); /* a frame object still referenced takes the locals over */
        f = TOPF;
    }
    int was = I->ts->clearing;
    I->ts->clearing = I->ts->nframes;
    while (f->sp > f->base) {
        SimId v = I->ts->stack[f->base];
        /* shift down so a re-entrant run never sees freed slots */
        I->ts->stack[f->base] = 0;
        f->base++;
        if (v)
            sim_decref(S, v);
        f = TOPF;
    }
    SimId func = f->func, locals = f->locals, extra = f->extra, at = f->argtuple, ad = f->argdict;
    if (f->flocals) { /* _PyFrame_Clear: f_locals after the slots */
        SimId fl = f->flocals;
        f->flocals = 0;
        sim_decref(S, fl);
        f = TOPF;
    }
    SimId ckw = f->classkw, hold[3] = {f->classhold[0], f->classhold[1], f->classhold[2]}, meta = f->classmeta;
    f->func = f->locals = f->extra = f->argtuple = f->argdict = f->classkw = f->classmeta = 0;
    f->classhold[0] = f->classhold[1] = f->classhold[2] = 0;
    vm_pop_frame(I);
    I->ts->clearing = was;
    sim_xdecref(S, func);
    sim_xdecref(S, locals);
    sim_xdecref(S, extra);
    if (ckw || hold[0])
        class_keywords_release(I, ckw, hold);
    sim_xdecref(S, meta);
    if (at || ad) /* _PyObject_MakeTpCall's, once the call is over */
        vm_release_tpargs(I, at, ad);
}

void vm_unwind_frame(PyRun *I) { unwind_frame(I); }

/* Pushes a frame for Python function `func` (reference owned by the frame). */
static CALL_INLINE bool push_python(PyRun *I, SimId func, SimId self, SimId *args, int nargs, SimId kwnames)
{
    uint32_t ci = SIM_V(S, func, SK_FUNC, func.code);
    Frame *f = new_frame(I, ci, SIM_V(S, func, SK_FUNC, func.globals));
    if (!f) {
        sim_xdecref(S, self);
        for (int i = 0; i < nargs; i++)
            sim_decref(S, args[i]);
        sim_decref(S, func);
        return false;
    }
    f->func = func;
    const PyCode *co = &I->codes[ci];
    if (!self && !kwnames && nargs == co->nargs && co->vararg < 0 && co->kwarg < 0 && co->nkwonly == 0 &&
        co->ncellfree == 0) {
        /* vm_bind_args' commonest case (bind_exact, no cells): the arguments
         * move into the first slots */
        SimId *slots = &I->ts->stack[f->base];
        for (int i = 0; i < nargs; i++)
            slots[i] = args[i];
    } else if (!vm_bind_args(I, f, func, self, args, nargs, kwnames)) {
        vm_unwind_frame(I);
        return false;
    }
    if (I->codes[ci].is_gen) /* RETURN_GENERATOR, before RESUME: I->ts->gen_made for the caller */
        I->ts->gen_made = vm_gen_create(I);
    return true;
}

/* CALL's commonest case, what push_python and new_frame do for it with
 * what they look at known: a function whose parameters are exactly its
 * positional arguments (no cells, not a generator), far from every depth
 * and stack limit.  The arguments and the function move into the new
 * frame; then the caller's slots from slot0 are free.  false, with
 * nothing done, when the call is not that case. */
static CALL_INLINE bool call_exact(PyRun *I, Frame *caller, SimId func, const SimId *args, int nargs,
                                   uint32_t slot0)
{
    PyThreadState *const ts = I->ts;
    const SimObj *fo = sim__of_kind(S, func, SK_FUNC);
    uint32_t ci = fo->v.func.code;
    const PyCode *co = &I->codes[ci];
    if (nargs != co->nargs || co->vararg >= 0 || co->kwarg >= 0 || co->nkwonly || co->ncellfree || co->is_gen)
        return false;
    uint32_t base = caller->sp, nslots = (uint32_t)co->nslots;
    if (base + nslots + 4096 > VM_STACK || !vm_depth_far(I))
        return false;
    uint32_t tbase = caller->tbase + (uint32_t)I->codes[caller->code].maxtry;
    size_t need = (size_t)tbase + (size_t)co->maxtry;
    if (need > ts->captrys)
        ts->trys = xgrow(ts->trys, &ts->captrys, need, sizeof *ts->trys);
    Frame *f = py_thread_push_frame(ts);
    f->code = ci;
    f->func = func;
    f->globals = fo->v.func.globals;
    f->base = base;
    f->sp = base + nslots;
    f->line = co->firstline;
    f->tbase = tbase;
    f->hbase = ts->nhandled;
    vm_set_depth(I, ts->nframes);
    SimId *const stack = ts->stack;
    uint32_t i = 0;
    for (; i < (uint32_t)nargs; i++)
        stack[base + i] = args[i];
    for (; i < nslots; i++)
        stack[base + i] = 0;
    if (S->gc.scheduled)
        vm_eval_breaker(I); /* RESUME */
    for (i = slot0; i < base; i++)
        stack[i] = 0;
    caller->sp = slot0;
    return true;
}

static CALL_INLINE bool call_python(PyRun *I, SimId func, SimId self, SimId *args, int nargs, SimId kwnames,
                               uint8_t kind)
{
    if (!push_python(I, func, self, args, nargs, kwnames))
        return false;
    if (I->ts->gen_made) /* a generator function: no frame runs yet */
        return true;
    TOPF->kind = kind;
    if (S->gc.scheduled)
        vm_eval_breaker(I); /* RESUME */
    return true;
}

bool vm_call_python(PyRun *I, SimId func, SimId self, SimId *args, int nargs, SimId kwnames, uint8_t kind)
{
    return call_python(I, func, self, args, nargs, kwnames, kind);
}

bool vm_push_python(PyRun *I, SimId func, SimId self, SimId *args, int nargs, SimId kwnames)
{
    return push_python(I, func, self, args, nargs, kwnames);
}

bool vm_push_module(PyRun *I)
{
    Frame *f = new_frame(I, 0, I->globals);
    if (!f)
        return false;
    sim_incref(S, I->globals);
    f->locals = I->globals;
    /* PyEval_EvalCode runs the module as a function it makes, whose
     * func_globals holds the dict too until the module ends (py_finalize) */
    sim_incref(S, I->globals);
    return true;
}

/* ---- calls from the VM and from C -------------------------------------- */


void vm_release_call_slots(PyRun *I, uint32_t from, uint32_t count)
{
    /* the callable first, then the arguments in order (ceval's CALL); the
     * frame keeps its height until the end, so a finalizer that runs Python
     * builds its frame above the slots not yet released */
    Frame *f = TOPF;
    SimId *const slot = I->ts->stack + from; /* a thread's stack never moves */
    Sim *const s = S;
    for (uint32_t i = 0; i < count; i++) {
        SimId v = slot[i];
        slot[i] = 0;
        sim_xdecref(s, v);
    }
    f->sp = from;
}

/* A C callable's result: on the stack in place of the call's slots, or
 * false (the error raised) */
static bool call_done(PyRun *I, SimId res, uint32_t slot0, uint32_t nslots)
{
    if (!res)
        return false;
    vm_release_call_slots(I, slot0, nslots);
    push(I, res);
    return true;
}

bool vm_do_call(PyRun *I, int nargs)
{
    SimId kwnames = I->ts->kwnames;
    I->ts->kwnames = 0;
    Frame *f = TOPF;
    uint32_t slot0 = f->sp - (uint32_t)nargs - 2;
    SimId a = I->ts->stack[slot0], b = I->ts->stack[slot0 + 1];
    if (!a && b && sim_kind(S, b) == SK_METHOD) { /* unpack a bound method */
        SimId fn = SIM_V(S, b, SK_METHOD, method.func), self = SIM_V(S, b, SK_METHOD, method.self);
        sim_incref(S, fn);
        sim_incref(S, self);
        I->ts->stack[slot0] = a = fn;
        I->ts->stack[slot0 + 1] = self;
        sim_decref(S, b);
        b = self;
    }
    SimId callable = a ? a : b;
    uint32_t argstart = a ? slot0 + 1 : slot0 + 2;
    int total = a ? nargs + 1 : nargs;
    SimId *args = &I->ts->stack[argstart];
    bool ok = true;
    bool subcall = sim_is_subinst(S, callable) && sim_kind(S, callable) != SK_TYPE &&
                   dunder_defines(I, callable, "__call__"); /* slot_tp_call of a subclass of a built-in */
    switch (subcall ? SK_INSTANCE : sim_kind(S, callable)) {
    case SK_FUNC: {
        /* the new frame starts above the arguments and takes them over with
         * the callable; then the caller's slots are free */
        Frame *caller = TOPF;
        if (!kwnames && call_exact(I, caller, callable, args, total, slot0))
            return true;
        uint32_t top = caller->sp;
        ok = call_python(I, callable, 0, args, total, kwnames, FR_NORMAL);
        for (uint32_t i = slot0; i < top; i++)
            I->ts->stack[i] = 0;
        caller->sp = slot0;
        sim_xdecref(S, kwnames);
        if (ok && I->ts->gen_made) { /* a generator function: no frame runs yet */
            push(I, I->ts->gen_made);
            I->ts->gen_made = 0;
        }
        return ok;
    }
    case SK_BUILTIN: {
        SimObj *o = sim_obj(S, callable);
        SimId self = o->v.builtin.self;
        int n = total;
        if (self) { /* a bound built-in method: self goes in the slot before the arguments */
            args--;
            n++;
            *args = self;
        }
        SimId res;
        if (!(n >= 1 && !kwnames && vm_fast_builtin_call(I, o->v.builtin.index, self != 0, args, n, &res)))
            res = builtins_call(I, o->v.builtin.index, self, args, n, kwnames);
        if (self)
            *args = callable; /* the slot's own reference again */
        if (!res) {
            ok = false;
            break;
        }
        vm_release_call_slots(I, slot0, (uint32_t)nargs + 2);
        push(I, res);
        break;
    }
    case SK_TYPE:
        if (sim_obj(S, callable)->sub == SK_INSTANCE) {
            ok = vm_call_class(I, callable, slot0, (uint32_t)nargs + 2, args, total, kwnames);
            break;
        }
        {
            SimId res = builtins_call(I, 0xffff0000u | sim_obj(S, callable)->sub, callable, args,
                                      total, kwnames);
            if (!res) {
                ok = false;
                break;
            }
            vm_release_call_slots(I, slot0, (uint32_t)nargs + 2);
            push(I, res);
        }
        break;
    case SK_WEAKREF: {
        if (weakref_is_proxy(I, callable)) {
            ok = call_done(I, weakref_proxy_call(I, callable, args, total, kwnames), slot0, (uint32_t)nargs + 2);
            break;
        }
        if (total != 0) {
            py_raise(I, EXC_TypeError, "weakref expected 0 arguments, got %d", total);
            ok = false;
            break;
        }
        SimId res = weakref_call(I, callable);
        vm_release_call_slots(I, slot0, (uint32_t)nargs + 2);
        push(I, res);
        break;
    }
    case SK_INSTANCE:
        ok = vm_call_instance(I, callable, slot0, (uint32_t)nargs + 2, args, total, kwnames);
        break;
    case SK_STATICMETHOD: /* callable since 3.10: the model does not call through it */
        ok = py_not_modelled(I, 0, "calling a staticmethod object directly");
        break;
    case SK_ITER:
        if (native_callable(I, callable)) { /* a partial, an itemgetter, an lru_cache wrapper */
            ok = call_done(I, native_call(I, callable, args, total, kwnames), slot0, (uint32_t)nargs + 2);
            break;
        }
        /* fall through */
    default:
        py_raise(I, EXC_TypeError, "'%s' object is not callable", op_typename(I, callable));
        ok = false;
    }
    if (!ok && I->ts->retry) { /* the CALL runs again (vm_block_retry): its KW_NAMES too */
        I->ts->kwnames = kwnames;
        return false;
    }
    sim_xdecref(S, kwnames);
    return ok;
}

/* Runs a Python function's frame to its end from C; its result or 0. */
static SimId run_nested(PyRun *I, int depth)
{
    TOPF->c_boundary = true;
    vm_frame_entered(I, TOPF, ENTERED_C);
    I->ts->nested++;
    VmStop st = vm_run(I, depth, false);
    I->ts->nested--;
    if (st != VM_RETURNED)
        return 0;
    SimId r = I->ts->c_result;
    I->ts->c_result = 0;
    return r;
}

/* A program's class called from C (map(Point, ...), raise E): type_call as
 * call_class runs it, with __init__'s frame run to its end here. */
static SimId call_class_c(PyRun *I, SimId cls, SimId *args, int nargs)
{
    if (metaclass_takes_call(I, cls)) /* a metaclass's own type_call, or its __call__ */
        return metaclass_dispatch(I, cls, args, nargs, 0);
    return vm_call_class_plain(I, cls, args, nargs, 0);
}

SimId vm_call_class_plain(PyRun *I, SimId cls, SimId *args, int nargs, SimId kwnames)
{
    int npos = nargs - (kwnames ? (int)sim_obj(S, kwnames)->len : 0);
    if (enum_is_enum_class(I, cls)) /* map(Color, values) */
        return enum_call(I, cls, args, nargs, kwnames);
    if (datetime_is_class(I, cls)) /* date_new ... */
        return datetime_call(I, cls, args, nargs, kwnames);
    if (cls == I->version_info_type) /* type_call: no tp_new */
        return sys_version_no_new(I), (SimId)0;
    if (exc_is_group_class(I, cls)) /* BaseExceptionGroup_new */
        return exc_group_call(I, cls, args, nargs, kwnames);
    if (sim_type_word(S, cls, SIM_TY_KIND) == SK_TUPLE || scalarsub_layout(I, cls)) /* a subclass of tuple, float ... */
        return vm_tuplesub_call(I, cls, args, nargs, kwnames, true);
    SimId init = sim_type_lookup(S, cls, "__init__");
    bool exc = exc_is_class(I, cls);
    if (!exc)
        bi_args_tuple(I, npos); /* _PyObject_MakeTpCall packs the arguments */
    if (!exc && !abc_instantiable(I, cls))
        return 0;
    SimId inst = vm_new_instance(I, cls, args, npos, exc);
    if (!exc && !threading_local_new(I, inst, args, nargs, kwnames)) { /* local_new */
        sim_decref(S, inst);
        return 0;
    }
    if (exc && (I->ts->err.set || I->refused)) { /* the built-in tp_init refused its arguments */
        sim_decref(S, inst);
        return 0;
    }
    if (init && weakref_native_method(I, init)) { /* a dataclass's, weakref's classes' */
        SimId r = weakref_native_call(I, init, inst, args, nargs, kwnames);
        if (!r) {
            sim_decref(S, inst);
            return 0;
        }
        sim_decref(S, r);
        return inst;
    }
    if (!init && sim_is_subinst(S, inst)) { /* list.__init__ / dict.__init__ */
        if (!subinst_init(I, inst, args, nargs, kwnames)) {
            sim_decref(S, inst);
            return 0;
        }
        return inst;
    }
    if (!init || sim_kind(S, init) != SK_FUNC) {
        if (nargs > 0 && !exc) { /* object_init's complaint (keywords too) */
            size_t n;
            const char *nm = sim_str_data(S, sim_items(S, cls)[0], &n);
            py_raise(I, EXC_TypeError, "%.*s() takes no arguments", (int)n, nm);
            sim_decref(S, inst);
            return 0;
        }
        return inst;
    }
    sim_incref(S, inst); /* the frame's self */
    for (int i = 0; i < nargs; i++)
        sim_incref(S, args[i]);
    sim_incref(S, init);
    int depth = I->ts->nframes;
    if (!vm_call_python(I, init, inst, args, nargs, kwnames, FR_NORMAL)) {
        sim_decref(S, inst);
        return 0;
    }
    SimId r;
    if (I->ts->gen_made) { /* __init__ with a yield */
        r = I->ts->gen_made;
        I->ts->gen_made = 0;
    } else {
        r = run_nested(I, depth);
    }
    if (r && sim_kind(S, r) != SK_NONE) {
        py_raise(I, EXC_TypeError, "__init__() should return None, not '%s'", op_typename(I, r));
        sim_decref(S, r);
        r = 0;
    }
    if (!r) {
        sim_decref(S, inst);
        return 0;
    }
    sim_decref(S, r);
    return inst;
}

SimId vm_call_kw(PyRun *I, SimId callable, SimId *args, int nargs, SimId kwnames)
{
    if (!kwnames || sim_obj(S, kwnames)->len == 0)
        return vm_call(I, callable, args, nargs);
    SimKind k = sim_kind(S, callable);
    if (native_callable(I, callable))
        return native_call(I, callable, args, nargs, kwnames);
    if (k == SK_BUILTIN && !sim_obj(S, callable)->v.builtin.self)
        return builtins_call(I, sim_obj(S, callable)->v.builtin.index, 0, args, nargs, kwnames);
    if (k == SK_BUILTIN) { /* a bound built-in method (q.get, timeout=1): self first */
        SimObj *o = sim_obj(S, callable);
        SimId *all = xmalloc(((size_t)nargs + 1) * sizeof *all);
        all[0] = o->v.builtin.self;
        memcpy(all + 1, args, (size_t)nargs * sizeof *all);
        SimId r = builtins_call(I, o->v.builtin.index, o->v.builtin.self, all, nargs + 1, kwnames);
        free(all);
        return r;
    }
    if (k == SK_TYPE && sim_obj(S, callable)->sub != SK_INSTANCE) /* int(x, base=2) */
        return builtins_call(I, 0xffff0000u | sim_obj(S, callable)->sub, callable, args, nargs, kwnames);
    SimId func = callable, self = 0;
    if (k == SK_METHOD && sim_kind(S, SIM_V(S, callable, SK_METHOD, method.func)) == SK_FUNC) {
        func = SIM_V(S, callable, SK_METHOD, method.func); /* method_vectorcall: self first */
        self = SIM_V(S, callable, SK_METHOD, method.self);
    } else if (k != SK_FUNC) {
        return py_not_modelled(I, 0, "keyword arguments passed on by a C function to a '%s'",
                               op_typename(I, callable)), (SimId)0;
    }
    if (self)
        sim_incref(S, self);
    for (int i = 0; i < nargs; i++)
        sim_incref(S, args[i]);
    sim_incref(S, func);
    int depth = I->ts->nframes;
    if (!vm_call_python(I, func, self, args, nargs, kwnames, FR_NORMAL))
        return 0;
    if (I->ts->gen_made) {
        SimId g = I->ts->gen_made;
        I->ts->gen_made = 0;
        return g;
    }
    return run_nested(I, depth);
}

SimId vm_call(PyRun *I, SimId callable, SimId *args, int nargs)
{
    if (nargs > 0 && sim_in_slab(S, args)) { /* a tuple's items: copied, the call may move them */
        ArgCopy c;
        SimId r = vm_call(I, callable, argcopy(&c, 0, args, nargs), nargs);
        argcopy_free(&c);
        return r;
    }
    SimKind k = sim_kind(S, callable);
    if (k == SK_ITER && native_callable(I, callable))
        return native_call(I, callable, args, nargs, 0);
    if (k == SK_BUILTIN) {
        SimObj *o = sim_obj(S, callable);
        if (!o->v.builtin.self)
            return builtins_call(I, o->v.builtin.index, 0, args, nargs, 0);
        /* a bound built-in method: self, then the arguments */
        ArgCopy c;
        SimId self = o->v.builtin.self;
        SimId r = builtins_call(I, o->v.builtin.index, self, argcopy(&c, self, args, nargs), nargs + 1, 0);
        argcopy_free(&c);
        return r;
    }
    if (k == SK_INSTANCE || (sim_is_subinst(S, callable) && k != SK_TYPE && dunder_defines(I, callable, "__call__"))) {
        /* slot_tp_call from C: self before the arguments */
        SimId m = sim_type_lookup(S, sim_obj(S, callable)->type, "__call__");
        if (m && weakref_native_method(I, m)) /* finalize, called by its weakref */
            return weakref_native_call(I, m, callable, args, nargs, 0);
        if (m && sim_kind(S, m) == SK_FUNC) {
            ArgCopy c;
            SimId *all = argcopy(&c, callable, args, nargs);
            bi_args_tuple(I, nargs);
            SimId r = vm_call(I, m, all, nargs + 1);
            argcopy_free(&c);
            return r;
        }
        if (m)
            return py_not_modelled(I, 0, "a __call__ that is not a plain function"), (SimId)0;
    }
    if (k == SK_TYPE && sim_obj(S, callable)->sub != SK_INSTANCE) /* map(str, ...) */
        return builtins_call(I, 0xffff0000u | sim_obj(S, callable)->sub, callable, args, nargs, 0);
    if (k == SK_TYPE)
        return call_class_c(I, callable, args, nargs);
    SimId func = callable, self = 0;
    if (k == SK_METHOD) {
        func = SIM_V(S, callable, SK_METHOD, method.func);
        self = SIM_V(S, callable, SK_METHOD, method.self);
    }
    if (sim_kind(S, func) != SK_FUNC) {
        py_raise(I, EXC_TypeError, "'%s' object is not callable", op_typename(I, callable));
        return 0;
    }
    if (self)
        sim_incref(S, self);
    for (int i = 0; i < nargs; i++)
        sim_incref(S, args[i]);
    sim_incref(S, func);
    int depth = I->ts->nframes;
    if (!vm_call_python(I, func, self, args, nargs, 0, FR_NORMAL))
        return 0;
    if (I->ts->gen_made) {
        SimId g = I->ts->gen_made;
        I->ts->gen_made = 0;
        return g;
    }
    return run_nested(I, depth);
}

int vm_do_return(PyRun *I, SimId res)
{
    Frame *f = TOPF;
    uint8_t kind = f->kind;
    bool boundary = f->c_boundary;
    if (kind == FR_CLASS) {
        if (!(res = vm_class_return(I, res)))
            return -1;
    } else if (kind == FR_NORMAL) {
        unwind_frame(I);
    } else {
        uint32_t callbase = f->callbase, ncall = f->ncallslots;
        SimId extra = f->extra;
        f->extra = 0;
        unwind_frame(I);
        if (kind == FR_INIT || kind == FR_INIT_EX) {
            if (sim_kind(S, res) != SK_NONE) {
                py_raise(I, EXC_TypeError, "__init__() should return None, not '%s'", op_typename(I, res));
                sim_decref(S, res);
                sim_decref(S, extra);
                return -1;
            }
            sim_decref(S, res);
            res = extra;
            if (kind == FR_INIT)
                vm_release_call_slots(I, callbase, ncall);
            else
                vm_call_ex_release(I, callbase);
        } else if (kind == FR_SLOTCALL) {
            vm_release_call_slots(I, callbase, ncall);
        } else if (kind == FR_EX) {
            vm_call_ex_release(I, callbase);
        }
    }
    if (boundary) {
        I->ts->c_result = res;
        return 1;
    }
    if (I->ts->nframes == 0) {
        sim_decref(S, res);
        return 1;
    }
    push(I, res);
    if (kind == FR_EX || kind == FR_INIT_EX)
        vm_eval_breaker(I); /* CALL_FUNCTION_EX checks after the call */
    return 0;
}
