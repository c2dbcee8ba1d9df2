/*
 * vm_ops: the instructions vm_loop.c hands off whole (see vm_ops.h), and
 * exception unwinding.
 */
#include "pyrun/vm_ops.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "pyrun/builtins.h"
#include "pyrun/types/types.h"
#include "sim/check.h"
#include "sim/trace.h"

#define S (I->sim)
#define F (I->ts->top)
#define CO (&I->codes[F->code])
#define PUSH(v) do { SimId pv_ = (v); I->ts->stack[F->sp++] = pv_; } while (0)
#define POP() (I->ts->stack[--F->sp])
#define TOP(k) (I->ts->stack[F->sp - 1 - (k)])

/* Each frame it passes gets a traceback entry (PyTraceBack_Here; not the
 * frame of a re-raise), a handler found takes the exception as the one
 * being handled (PUSH_EXC_INFO), a frame left behind ends with its value
 * stack emptied first. */
bool vm_unwind(PyRun *I, int base)
{
    if (!I->ts->err.set && !I->refused && !I->ts->reraise) {
        /* a failure with no exception: a bug of the model, never a guess */
        SIM_ASSERT(!"an operation failed without raising");
        py_not_modelled(I, 0, "this operation (the model failed it without an exception: please report it)");
    }
    bool here = !I->ts->reraise;
    I->ts->reraise = false;
    for (;;) {
        Frame *f = F;
        if (here && !I->refused)
            tb_here(I, f); /* out of memory: the MemoryError goes on instead */
        here = true;
        if (f->ntry > 0 && !I->refused) { /* a refusal runs no handler */
            TryBlock h = I->ts->trys[f->tbase + --f->ntry];
            uint32_t depth = h.depth, ip = h.ip;
            while (f->sp > f->base + depth) {
                SimId v = I->ts->stack[--f->sp];
                sim_xdecref(S, v);
            }
            exc_handled_pop_to(I, h.hdepth);
            SimId e = exc_instance(I);
            bool known = I->err_library_kind && !I->err_library_tb; /* its library's frames are known */
            if (I->err_library && !known) /* caught: remembered, for a bare `raise` of it */
                I->lib_exc = e, I->lib_exc_library = I->err_library, I->lib_exc_line = I->err_library_line;
            py_err_clear(I);
            exc_handled_push(I, e);
            f->ip = ip;
            return true;
        }
        bool boundary = f->c_boundary;
        uint32_t locals = f->base + (uint32_t)I->codes[f->code].nslots;
        while (f->sp > locals) { /* exception_unwind pops the value stack */
            SimId v = I->ts->stack[--f->sp];
            I->ts->stack[f->sp] = 0;
            sim_xdecref(S, v);
        }
        exc_handled_pop_to(I, f->hbase);
        vm_unwind_frame(I);
        if (boundary || I->ts->nframes <= base)
            return false;
    }
}

void vm_unbound_error(PyRun *I, int arg, bool deref)
{
    size_t n;
    const char *nm = sim_str_data(S, CO->slotnames[arg], &n);
    if (deref)
        py_raise(I, EXC_NameError,
                 "cannot access free variable '%.*s' where it is not associated with a value in enclosing scope",
                 (int)n, nm);
    else
        py_raise(I, EXC_UnboundLocalError,
                 "cannot access local variable '%.*s' where it is not associated with a value", (int)n, nm);
}

bool vm_op_build_list(PyRun *I, int n)
{
    SimId r = sim_list(S, (size_t)n);
    if (sim_obj(S, r)->len != (uint32_t)n) { /* refused: the items go, MemoryError */
        for (int i = n - 1; i >= 0; i--)
            sim_xdecref(S, POP());
        sim_decref(S, r);
        py_no_memory(I);
        return false;
    }
    for (int i = n - 1; i >= 0; i--)
        sim_items(S, r)[i] = POP();
    PUSH(r);
    return true;
}

/* Is the instruction after this one MAKE_FUNCTION of a comprehension
 * 3.12+ inline (PEP 709), whose closure tuple CPython does not make? */
static bool closure_of_inlined(PyRun *I)
{
    const PyCode *co = &I->codes[F->code];
    if (S->prof->version == SIM_V311 || F->ip >= co->nops || OPCODE(co->ops[F->ip]) != OP_MAKE_FUNCTION)
        return false;
    const PyCode *fc = &I->codes[OPARG(co->ops[F->ip])];
    return fc->kind == CODE_COMP && !fc->is_gen && fc->has_closure;
}

void vm_op_build_tuple(PyRun *I, int n)
{
    SimId r = n > 0 && closure_of_inlined(I) ? sim_tuple_ghost(S, (size_t)n) : sim_tuple(S, (size_t)n);
    for (int i = n - 1; i >= 0; i--)
        sim_tuple_set(S, r, (size_t)i, POP());
    PUSH(r);
}

bool vm_op_build_set(PyRun *I, int n)
{
    uint32_t from = F->sp - (uint32_t)n;
    SimId r = vm_build_set(I, &I->ts->stack[from], n); /* hashes and adds one at a time (vm_build.c) */
    F->sp = from;
    if (!r)
        return false;
    PUSH(r);
    return true;
}

bool vm_op_build_map(PyRun *I, int n)
{
    uint32_t from = F->sp - 2 * (uint32_t)n;
    SimId r = vm_build_map(I, &I->ts->stack[from], n);
    F->sp = from;
    if (!r)
        return false;
    PUSH(r);
    return true;
}

void vm_op_build_string(PyRun *I, int n)
{
    Buf sb = {0};
    uint32_t from = F->sp - (uint32_t)n;
    for (int i = 0; i < n; i++) {
        size_t len;
        const char *d = sim_str_data(S, I->ts->stack[from + (uint32_t)i], &len);
        buf_add(&sb, d, len);
    }
    SimId joined = sim_str(S, buf_str(&sb), sb.len); /* _PyUnicode_JoinArray: made while the pieces live */
    for (int i = n - 1; i >= 0; i--) {
        SimId a = POP();
        sim_decref(S, a);
    }
    PUSH(joined);
    buf_fini(&sb);
}

void vm_op_make_function(PyRun *I, int ci)
{
    const PyCode *fc = &I->codes[ci];
    SimId closure = fc->has_closure ? POP() : 0;
    SimId annotations = fc->has_annotations ? POP() : 0;
    SimId kwdefaults = fc->nkwdefaults ? POP() : 0;
    SimId defaults = fc->ndefaults ? POP() : 0;
    sim_incref(S, fc->qualname);
    sim_incref(S, F->globals);
    PmTraceFn tr = NULL; /* 3.12+ inline a list, set or dict comprehension (PEP 709): no function */
    if (__builtin_expect(S->pm.trace != NULL, 0) && fc->kind == CODE_COMP && !fc->is_gen &&
        S->prof->version >= SIM_V312)
        tr = sim_trace_pause(S);
    SimId r = sim_func(S, (uint32_t)ci, fc->qualname, F->globals, defaults, closure);
    if (tr)
        sim_trace_resume(S, tr);
    sim_items(S, r)[SIM_FN_KWDEFAULTS] = kwdefaults;
    sim_items(S, r)[SIM_FN_ANNOTATIONS] = annotations; /* a tuple until read */
    if (fc->doc_const) { /* func_doc: the docstring constant */
        SimId doc = I->codes[ci].consts[fc->doc_const - 1];
        sim_incref(S, doc);
        sim_items(S, r)[SIM_FN_DOC] = doc;
    }
    PUSH(r);
}

/* 3.11 reads a package's __path__ when the import has a fromlist: a module
 * without one raises (and clears) an AttributeError (module_getattro) */
static bool has_path(const char *nm, size_t n)
{
    return (n == 4 && !memcmp(nm, "json", 4)) || (n == 11 && !memcmp(nm, "collections", 11)) ||
           (n == 10 && !memcmp(nm, "concurrent", 10)) || (n == 18 && !memcmp(nm, "concurrent.futures", 18));
}

/* the modelled modules built into the interpreter: no __file__ */
static bool is_builtin_module(const char *nm, size_t n)
{
    static const char *const builtin[] = {"sys", "gc", "time", "itertools"};
    for (size_t i = 0; i < sizeof builtin / sizeof builtin[0]; i++)
        if (strlen(builtin[i]) == n && memcmp(builtin[i], nm, n) == 0)
            return true;
    return false;
}

bool vm_op_import_name(PyRun *I, int arg)
{
    bool fromlist = (arg & IMPORT_FROMLIST) != 0;
    size_t n;
    const char *data = sim_str_data(S, vm_name_const(I, arg & ~IMPORT_FROMLIST), &n);
    char nm[128]; /* a copy: making the module may move the name's storage */
    if (n >= sizeof nm)
        return py_not_modelled(I, 0, "a module name of more than 127 bytes");
    memcpy(nm, data, n);
    nm[n] = '\0';
    SimId m = module_find(I, nm, n);
    if (!m) {
        if (!modelled_module_missing(I, nm, n))
            return false;
        py_raise(I, EXC_ModuleNotFoundError, "No module named '%.*s'", (int)n, nm);
        exc_context_set(I, vm_name_const(I, arg & ~IMPORT_FROMLIST), 0, 0);
        return false;
    }
    if (S->prof->version == SIM_V311) {
        /* import_ensure_initialized: sys's spec, set up at start-up, has no
         * _initializing (measured: a 1-tuple on the free list after `import sys`) */
        if (n == 3 && !memcmp(nm, "sys", 3))
            exc_made_and_cleared(I, EXC_AttributeError, "'ModuleSpec' object has no attribute '_initializing'");
        if (fromlist && n == 2 && !memcmp(nm, "io", 2))
            io_getattr_miss_311(I, "__path__", 8, false);
        else if (fromlist && !has_path(nm, n))
            exc_made_and_cleared(I, EXC_AttributeError, "'module' object has no attribute '__path__'");
    }
    const char *dot = memchr(nm, '.', n);
    if (dot && !fromlist) { /* import a.b pushes the package a */
        m = module_find(I, nm, (size_t)(dot - nm));
        if (!m)
            return py_not_modelled(I, 0, "the package of '%.*s'", (int)n, nm);
    }
    sim_incref(S, m);
    PUSH(m);
    return true;
}

bool vm_op_import_from(PyRun *I, int arg)
{
    SimId r = attr_get(I, TOP(0), vm_name_const(I, arg));
    if (!r) {
        size_t n, mn;
        const char *nm = sim_str_data(S, vm_name_const(I, arg), &n);
        const char *mod = sim_str_data(S, SIM_V(S, TOP(0), SK_MODULE, module.name), &mn);
        if (I->refused)
            return false;
        py_err_clear(I);
        if (!is_builtin_module(mod, mn)) /* CPython names the module's file */
            return py_not_modelled(I, 0, "the ImportError of `from %.*s import %.*s` (CPython's message names "
                                         "the module's file on the machine)", (int)mn, mod, (int)n, nm);
        py_raise(I, EXC_ImportError, "cannot import name '%.*s' from '%.*s' (unknown location)",
                 (int)n, nm, (int)mn, mod);
        I->gc_count_unsure = true; /* import_from's AttributeError, names and kwargs dict: not replayed */
        exc_context_set(I, SIM_V(S, TOP(0), SK_MODULE, module.name), 0, vm_name_const(I, arg));
        return false;
    }
    PUSH(r);
    return true;
}

void vm_op_assert_fail(PyRun *I, int has_msg)
{
    Buf mb = {0};
    if (has_msg) {
        SimId a = POP();
        op_str(I, a, &mb);
        sim_decref(S, a);
    }
    py_raise(I, EXC_AssertionError, "%s", buf_str(&mb));
    buf_fini(&mb);
}

bool vm_op_setup_try(PyRun *I, int arg)
{
    Frame *f = F;
    if (f->ntry >= (uint32_t)CO->maxtry) { /* the compiler counted them: a bug, not user code */
        py_raise(I, EXC_SystemError, "try block deeper than the compiler counted");
        return false;
    }
    I->ts->trys[f->tbase + f->ntry++] = (TryBlock){(uint32_t)(arg & ~SETUP_TRY_BELOW),
                                               f->sp - f->base - ((arg & SETUP_TRY_BELOW) ? 1 : 0),
                                               I->ts->nhandled};
    return true;
}

void vm_op_match_exc(PyRun *I, int arg)
{
    SimId a;
    if (arg == 1) {
        a = exc_handled_top(I);
        sim_incref(S, a);
        PUSH(a);
        return;
    }
    a = POP();
    SimId r = sim_bool(S, exc_matches(I, a));
    sim_decref(S, a);
    PUSH(r);
}

/* ---- the dispatch loop's checks --------------------------------------- */

static void stopped(PyRun *I)
{
    if (*I->stop == PY_STOP_INTERRUPT) {
        *I->stop = PY_STOP_NONE;
        py_raise(I, EXC_KeyboardInterrupt, "%s", "");
    } else {
        py_raise(I, EXC_RuntimeError, "pydive timeout reached");
    }
}

bool vm_op_slot(PyRun *I, Opcode op, int arg)
{
    SimId *slot = &I->ts->stack[F->base + (uint32_t)arg], a, b;
    switch (op) {
    case OP_DELETE_FAST:
        if (!(b = *slot))
            return vm_unbound_error(I, arg, false), false;
        *slot = 0;
        break;
    case OP_LOAD_CLOSURE:
    case OP_LOAD_DEREF:
        a = op == OP_LOAD_CLOSURE ? *slot : SIM_V(S, *slot, SK_CELL, cell.ref);
        if (!a)
            return vm_unbound_error(I, arg, true), false;
        sim_incref(S, a);
        PUSH(a);
        return true;
    default: /* STORE_DEREF, DELETE_DEREF */
        a = op == OP_STORE_DEREF ? POP() : 0;
        b = SIM_V(S, *slot, SK_CELL, cell.ref);
        SIM_V(S, *slot, SK_CELL, cell.ref) = a;
        if (!b)
            return true;
    }
    sim_gc_released(S, b);
    sim_decref(S, b);
    return true;
}

bool vm_op_delete_attr(PyRun *I, int arg)
{
    SimId a = POP();
    bool ok = !(I->order_watch && !I->order_watch(I, NULL)) && attr_del(I, a, vm_name_const(I, arg));
    sim_decref(S, a);
    return ok;
}

bool vm_op_delete_subscr(PyRun *I)
{
    SimId b = POP(), a = POP();
    bool ok = !(I->order_watch && !I->order_watch(I, NULL)) && op_delitem(I, a, b);
    sim_decref(S, b), sim_decref(S, a);
    return ok;
}

bool vm_op_get_iter(PyRun *I, int arg)
{
    SimId a = POP();
    SimId r = arg == GET_ITER_AWAITABLE ? vm_get_awaitable(I, a) : iter_new(I, a);
    if (!r && arg != GET_ITER_AWAITABLE)
        py_raise(I, EXC_TypeError, "'%s' object is not iterable", op_typename(I, a));
    sim_decref(S, a);
    if (!r)
        return false;
    PUSH(r);
    return true;
}

/* What an instruction checks once the steps pass I->check_at (check_left
 * below 0), in this order: a refusal inside a callback that swallowed errors (py_not_modelled
 * calls vm_check_next), the step limit, then Ctrl-C or a timeout from the
 * caller, which a signal handler sets at any moment and which is looked at
 * every STOP_EVERY instructions.  While one of them holds, every
 * instruction checks again (a timeout raises at each one). */
#define STOP_EVERY 256u

bool vm_checks(PyRun *I, uint64_t limit, volatile sig_atomic_t *stop)
{
    const uint64_t steps = vm_steps(I);
    vm_check_next(I); /* the next instruction checks again */
    if (I->refused) {
        I->ts->err.set = true;
        return false;
    }
    if (steps > limit) {
        py_raise(I, EXC_RuntimeError, "pydive step limit reached");
        return false;
    }
    if (*stop) {
        stopped(I);
        return false;
    }
    I->check_at = limit - steps > STOP_EVERY ? steps + STOP_EVERY : limit;
    I->check_left = (int64_t)(I->check_at - steps);
    return true;
}
