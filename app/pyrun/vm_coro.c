/*
 * vm_coro: coroutines.  An `async def` function's call makes a generator
 * object of the type 'coroutine' (CPython's PyCoroObject has the layout of
 * a generator: same size, same frame inside), which vm_gen.c runs; `await
 * x` is GET_AWAITABLE then a `yield from`.  Here: GET_AWAITABLE, and the
 * RuntimeWarning CPython's _PyGen_Finalize gives for a coroutine dropped
 * before it ever ran ('coroutine ... was never awaited'), shown once per
 * line as the warnings module's default filter does, with its registry
 * (the module's __warningregistry__) as CPython fills it.
 */
#include <stdio.h>
#include <string.h>

#include "pyrun/interp.h"
#include "pyrun/types/types.h"

#define S (I->sim)

/* _PyCoro_GetAwaitableIter and GET_AWAITABLE's checks: what `await v`
 * iterates (new reference), or 0 with CPython's TypeError/RuntimeError. */
SimId vm_get_awaitable(PyRun *I, SimId v)
{
    if (sim_is_coro(S, v)) {
        if (vm_gen_yield_from_target(I, v)) {
            py_raise(I, EXC_RuntimeError, "coroutine is being awaited already");
            return 0;
        }
        sim_incref(S, v);
        return v;
    }
    if (I->await_hook) { /* asyncio's futures and tasks */
        SimId r = I->await_hook(I, v);
        if (r || I->ts->err.set)
            return r;
    }
    if (sim_kind(S, v) == SK_INSTANCE && dunder_defines(I, v, "__await__")) {
        SimId r = dunder_call0(I, v, "__await__");
        if (!r)
            return 0;
        if (sim_is_coro(S, r)) {
            py_raise(I, EXC_TypeError, "__await__() returned a coroutine");
            sim_decref(S, r);
            return 0;
        }
        if (sim_kind(S, r) != SK_GEN && sim_kind(S, r) != SK_ITER && !dunder_defines(I, r, "__next__")) {
            py_raise(I, EXC_TypeError, "__await__() returned non-iterator of type '%s'", op_typename(I, r));
            sim_decref(S, r);
            return 0;
        }
        return r;
    }
    py_raise(I, EXC_TypeError, "object %s can't be used in 'await' expression", op_typename(I, v));
    return 0;
}

/* The innermost frame of the running thread that is not being released. */
static Frame *current_frame(PyRun *I)
{
    PyThreadState *ts = I->ts;
    int i = ts->nframes - 1;
    if (i >= 0 && ts->clearing == ts->nframes)
        i--;
    return i >= 0 ? py_thread_frame(ts, i) : NULL;
}

/* warn_explicit's registry: true when (text, category, lineno) was shown
 * already; else it is added (the registry made with 'version': 0). */
static bool seen_before(PyRun *I, SimId globals, const char *text, int line)
{
    SimId rk = sim_str_intern(S, "__warningregistry__", 19);
    SimId reg = sim_dict_get(S, globals, rk);
    if (!reg || sim_kind(S, reg) != SK_DICT) {
        reg = sim_dict(S);
        SimId vk = sim_str_intern(S, "version", 7);
        sim_dict_set(S, reg, vk, sim_int(S, 0));
        sim_incref(S, rk);
        sim_dict_set(S, globals, rk, reg);
    }
    sim_decref(S, rk);
    SimId key = sim_tuple(S, 3);
    sim_tuple_set(S, key, 0, sim_str(S, text, strlen(text)));
    SimId cat = exc_class(I, EXC_RuntimeWarning);
    sim_incref(S, cat);
    sim_tuple_set(S, key, 1, cat);
    sim_tuple_set(S, key, 2, sim_int(S, line));
    if (sim_dict_get(S, reg, key)) {
        sim_decref(S, key);
        return true;
    }
    sim_dict_set(S, reg, key, sim_bool(S, true));
    return false;
}

void vm_coro_unawaited(PyRun *I, SimId coro)
{
    size_t n;
    const char *q = sim_str_data(S, I->codes[SIM_V(S, coro, SK_GEN, gen.code)].qualname, &n);
    char name[256];
    snprintf(name, sizeof name, "%.*s", (int)n, q);
    vm_warn_unawaited(I, name);
}

void vm_warn_unawaited(PyRun *I, const char *qualname)
{
    if (I->refused) /* the run stopped at a refusal: nothing more is shown */
        return;
    Buf text = {0}, out = {0};
    buf_printf(&text, "coroutine '%s' was never awaited", qualname);
    Frame *f = I->finalized ? NULL : current_frame(I);
    if (!f) { /* at interpreter exit: no Python frame, no registry, no source line */
        buf_printf(&out, "%s: RuntimeWarning: %s\n", S->prof->version >= SIM_V313 ? "<sys>:0" : "sys:1",
                   buf_str(&text));
    } else if (!seen_before(I, f->globals, buf_str(&text), f->line)) {
        buf_printf(&out, "%s:%d: RuntimeWarning: %s\n", I->filename, f->line, buf_str(&text));
        py_source_line(I, f->line, &out);
        buf_printf(&out, "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n");
        /* the first warning shown imports the warnings module, whose
         * allocations the model does not replay */
        I->gc_count_unsure = true;
        I->gc_garbage_unsure = true;
        if (!I->count_unsure_what)
            I->count_unsure_what = "the warnings module's import (a coroutine never awaited)";
    }
    if (out.len)
        py_write(I, 2, buf_str(&out), out.len);
    buf_fini(&out);
    buf_fini(&text);
}
