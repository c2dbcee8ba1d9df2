/*
 * vm_gen: running generators.  A generator's frame lives on the VM stack
 * only while it runs: each resume (next, send, throw, close, a loop's
 * FOR_ITER) pushes it back from the generator object and runs it from C
 * until it yields (the frame moves back into the object, references and
 * all, as CPython 3.11+ keeps gi_iframe inside the generator) or ends
 * (the frame is released as any frame; the generator stays, cleared).
 * `yield from` re-runs one instruction that sends into the sub-iterator
 * until it ends, so send, throw and close reach the innermost generator.
 *
 * The saved frame, after the generator's owned slots: the instruction to
 * resume at, the line, the active try blocks (count, then ip and depth).
 * Owned before the slots: the frame object, the exceptions being handled,
 * 3.11/3.12's f_locals dict once locals() made it (it stays with the frame,
 * as in CPython's _PyInterpreterFrame).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "pyrun/interp.h"
#include "pyrun/types/types.h"

#define S (I->sim)
#define TOPF (I->ts->top)
#define HOST_WORDS 5u /* ip, line, ntry, exceptions being handled, f_locals kept (0 or 1) */
#define TRY_WORDS 3u  /* per try block: ip, depth, handled depth (relative) */

typedef enum GenEnd { GEN_YIELDED, GEN_RETURNED, GEN_FAILED } GenEnd;

static uint32_t *saved(PyRun *I, SimId g) { return slab_ptr(&S->slab, sim_obj(S, g)->data); }

/* Moves the top frame's slots and blocks into g, to resume at ip; the
 * function stays with the frame. Saved before the slots, so that the
 * generator traverses them: its frame object once a traceback asked for
 * one (CPython's frame_obj; flagged SIM_F_SPECIAL), then the exceptions
 * its handlers are handling (a yield inside except: gi_exc_state). */
static bool save_slots(PyRun *I, SimId g, uint32_t ip)
{
    Frame *f = TOPF;
    uint32_t fo = f->fobj ? 1 : 0, fl = f->flocals ? 1 : 0;
    uint32_t nexc = I->ts->nhandled > f->hbase ? I->ts->nhandled - f->hbase : 0;
    uint32_t pre = fo + nexc + fl;
    uint32_t n = f->sp - f->base + pre;
    uint32_t *w = sim_gen_words(S, g, (size_t)n + HOST_WORDS + TRY_WORDS * (size_t)f->ntry);
    if (!w) {
        sim_take_nomem(S);
        py_no_memory(I);
        return false;
    }
    if (fo) {
        w[0] = f->fobj;
        f->fobj = 0;
        sim_obj(S, g)->flags |= SIM_F_SPECIAL;
    }
    for (uint32_t i = 0; i < nexc; i++)
        w[fo + i] = I->ts->handled[f->hbase + i];
    I->ts->nhandled -= nexc; /* their references move into the generator */
    if (fl) {
        w[fo + nexc] = f->flocals;
        f->flocals = 0;
    }
    for (uint32_t i = pre; i < n; i++) {
        w[i] = I->ts->stack[f->base + i - pre];
        I->ts->stack[f->base + i - pre] = 0;
    }
    w[n] = ip;
    w[n + 1] = (uint32_t)f->line;
    w[n + 2] = f->ntry;
    w[n + 3] = nexc;
    w[n + 4] = fl;
    for (uint32_t t = 0; t < f->ntry; t++) {
        const TryBlock *tb = &I->ts->trys[f->tbase + t];
        w[n + HOST_WORDS + TRY_WORDS * t] = tb->ip;
        w[n + HOST_WORDS + TRY_WORDS * t + 1] = tb->depth;
        w[n + HOST_WORDS + TRY_WORDS * t + 2] = tb->hdepth > f->hbase ? tb->hdepth - f->hbase : 0;
    }
    sim_obj(S, g)->len = n;
    f->sp = f->base;
    return true;
}

SimId vm_gen_create(PyRun *I)
{
    Frame *f = TOPF;
    const PyCode *co = &I->codes[f->code];
    SimId func = f->func;
    f->func = 0;
    SimId g = sim_gen_new(S, f->code, func, (uint32_t)co->framesize);
    if (co->is_coro)
        SIM_V(S, g, SK_GEN, gen.flavor) = SIM_GEN_CORO;
    I->guessed_sizes += !co->framesize_known;
    if (!save_slots(I, g, 0)) { /* refused: the frame's references go with it */
        vm_pop_frame(I);
        sim_decref(S, g);
        return 0;
    }
    vm_pop_frame(I);
    return g;
}

bool vm_gen_yield(PyRun *I, SimId value, bool again)
{
    Frame *f = TOPF;
    SimId g = f->gen;
    SIM_ASSERT(g && f->kind == FR_GEN);
    if (!save_slots(I, g, again ? f->ip - 1 : f->ip)) {
        sim_decref(S, value);
        return false;
    }
    SIM_V(S, g, SK_GEN, gen.func) = f->func;
    f->func = 0;
    sim_obj(S, g)->sub = SIM_GEN_SUSPENDED;
    vm_pop_frame(I);
    I->ts->c_result = value;
    I->ts->gen_yielded = true;
    return true;
}

/* Pushes g's frame back (its references move to the stack); NULL with
 * RecursionError raised. */
static Frame *restore(PyRun *I, SimId g)
{
    SimId func = SIM_V(S, g, SK_GEN, gen.func);
    Frame *f = vm_new_frame(I, SIM_V(S, g, SK_GEN, gen.code), SIM_V(S, func, SK_FUNC, func.globals));
    if (!f)
        return NULL;
    uint32_t n = sim_obj(S, g)->len;
    const uint32_t *w = saved(I, g);
    uint32_t fo = sim_obj(S, g)->flags & SIM_F_SPECIAL ? 1 : 0;
    uint32_t nexc = w[n + 3], fl = w[n + 4], pre = fo + nexc + fl;
    sim_obj(S, g)->flags &= (uint8_t)~SIM_F_SPECIAL;
    if (fo)
        f->fobj = w[0];
    if (fl)
        f->flocals = w[fo + nexc];
    for (uint32_t i = 0; i < nexc; i++)
        exc_handled_push(I, w[fo + i]);
    w = saved(I, g);
    for (uint32_t i = pre; i < n; i++)
        I->ts->stack[f->base + i - pre] = w[i];
    f->sp = f->base + n - pre;
    f->ip = w[n];
    f->line = (int)w[n + 1];
    f->ntry = w[n + 2];
    for (uint32_t t = 0; t < f->ntry; t++)
        I->ts->trys[f->tbase + t] = (TryBlock){w[n + HOST_WORDS + TRY_WORDS * t], w[n + HOST_WORDS + TRY_WORDS * t + 1],
                                           f->hbase + w[n + HOST_WORDS + TRY_WORDS * t + 2]};
    sim_obj(S, g)->len = 0;
    f->func = func;
    SIM_V(S, g, SK_GEN, gen.func) = 0;
    f->kind = FR_GEN;
    f->gen = g;
    f->c_boundary = true;
    vm_frame_entered(I, f, ENTERED_C);
    return f;
}

static bool at_yield_from(PyRun *I, SimId g)
{
    const SimObj *o = sim_obj(S, g);
    if (o->sub != SIM_GEN_SUSPENDED || o->len == 0)
        return false;
    const PyCode *co = &I->codes[o->v.gen.code];
    uint32_t ip = saved(I, g)[o->len];
    return ip < co->nops && OPCODE(co->ops[ip]) == OP_YIELD_FROM;
}

SimId vm_gen_yield_from_target(PyRun *I, SimId g)
{
    return at_yield_from(I, g) ? saved(I, g)[sim_obj(S, g)->len - 1] : 0;
}

bool vm_gen_unwinds_quietly(PyRun *I, SimId g)
{
    const SimObj *o = sim_obj(S, g);
    if (o->sub == SIM_GEN_CLOSED)
        return true;
    if (o->sub != SIM_GEN_SUSPENDED && o->sub != SIM_GEN_CREATED)
        return false;
    uint32_t n = o->len;
    const uint32_t *w = saved(I, g);
    if (w[n + 2] != 0) /* a try block active */
        return false;
    SimId sub = vm_gen_yield_from_target(I, g);
    for (uint32_t i = 0; i < n; i++) {
        SimId v = w[i];
        if (!v || v == sub)
            continue;
        SimKind k = sim_kind(S, v);
        if (k == SK_GEN || (k == SK_INSTANCE && (sim_obj(S, sim_obj(S, v)->type)->flags & SIM_F_SPECIAL)))
            return false;
    }
    return true;
}

/* Takes the sub-iterator off a frame suspended in `yield from` (CPython's
 * _gen_throw when the sub-iterator has ended); `past`: resume after it. */
static void drop_yield_from(PyRun *I, SimId g, bool past)
{
    SimObj *o = sim_obj(S, g);
    uint32_t n = o->len;
    uint32_t *w = saved(I, g);
    SimId sub = w[n - 1];
    uint32_t ntry = w[n + 2];
    memmove(w + n - 1, w + n, (HOST_WORDS + TRY_WORDS * (size_t)ntry) * sizeof *w);
    o->len = n - 1;
    if (past)
        w[n - 1]++;
    sim_decref(S, sub);
}

/* Runs g until it yields or ends: `value` (borrowed) is the result of the
 * yield it is suspended at, or with `throwing` the pending exception is
 * raised there instead. */
static SimId resume(PyRun *I, SimId g, SimId value, bool throwing, GenEnd *end)
{
    SimObj *o = sim_obj(S, g);
    *end = GEN_FAILED;
    bool coro = o->v.gen.flavor == SIM_GEN_CORO;
    if (o->sub == SIM_GEN_RUNNING) {
        py_raise(I, EXC_ValueError, "%s already executing", coro ? "coroutine" : "generator");
        return 0;
    }
    if (o->sub == SIM_GEN_CLOSED) {
        if (coro) /* gen_send_ex2: a coroutine runs once */
            py_raise(I, EXC_RuntimeError, "cannot reuse already awaited coroutine");
        else if (!throwing)
            *end = GEN_RETURNED;
        return 0;
    }
    bool created = o->sub == SIM_GEN_CREATED;
    if (created && !throwing && value && value != S->none) {
        py_raise(I, EXC_TypeError, "can't send non-None value to a just-started %s", coro ? "coroutine" : "generator");
        return 0;
    }
    bool after_yield_from = at_yield_from(I, g);
    if (throwing && !after_yield_from && o->sub == SIM_GEN_SUSPENDED) { /* its sub-iterator just dropped
                                                                        * (drop_yield_from): still at it */
        const PyCode *co = &I->codes[o->v.gen.code];
        uint32_t ip = saved(I, g)[o->len];
        after_yield_from = ip < co->nops && OPCODE(co->ops[ip]) == OP_YIELD_FROM;
    }
    int base = I->ts->nframes;
    if (!restore(I, g))
        return 0;
    if (!created && !throwing) {
        SimId v = value ? value : S->none;
        sim_incref(S, v);
        I->ts->stack[TOPF->sp++] = v;
    }
    sim_obj(S, g)->sub = SIM_GEN_RUNNING;
    if (throwing && after_yield_from)
        TOPF->ip++; /* raised at the yield from (or await): its entry's position */
    if (!throwing && !after_yield_from)
        vm_eval_breaker(I); /* RESUME at the start or after a yield */
    I->ts->nested++;
    VmStop st = throwing ? vm_run_throw(I, base) : vm_run(I, base, false);
    I->ts->nested--;
    SimId r = I->ts->c_result;
    I->ts->c_result = 0;
    if (I->ts->gen_yielded) {
        I->ts->gen_yielded = false;
        *end = GEN_YIELDED;
        return r;
    }
    sim_obj(S, g)->sub = SIM_GEN_CLOSED;
    if (st == VM_RETURNED) {
        *end = GEN_RETURNED;
        return r;
    }
    if (py_err_matches(I, EXC_StopIteration)) { /* PEP 479: _PyErr_FormatFromCause */
        SimId stop = exc_instance(I);
        py_err_clear(I);
        char msg[48];
        snprintf(msg, sizeof msg, "%s raised StopIteration", coro ? "coroutine" : "generator");
        SimId args = sim_tuple(S, 1);
        sim_tuple_set(S, args, 0, sim_str(S, msg, strlen(msg)));
        SimId e = exc_new(I, exc_class(I, EXC_RuntimeError), args);
        sim_incref(S, stop);
        sim_exc_set(S, e, SIM_EXC_CONTEXT, stop);
        sim_exc_set(S, e, SIM_EXC_CAUSE, stop);
        sim_exc_set(S, e, SIM_EXC_SUPPRESS, 1);
        py_raise_instance(I, e, msg);
    }
    return 0;
}

/* StopIteration carrying a generator's return value (owned; None: no args). */
static void raise_stop(PyRun *I, SimId value)
{
    if (!value || value == S->none) {
        sim_xdecref(S, value);
        py_raise(I, EXC_StopIteration, "%s", "");
        return;
    }
    SimId args = sim_tuple(S, 1);
    sim_tuple_set(S, args, 0, value);
    SimId e = exc_new(I, exc_class(I, EXC_StopIteration), args);
    exc_chain_context(I, e);
    Buf b = {0};
    if (op_str(I, value, &b))
        py_raise_instance(I, e, buf_str(&b));
    else
        sim_decref(S, e);
    buf_fini(&b);
}

static SimId finish(PyRun *I, SimId r, GenEnd end)
{
    if (end == GEN_YIELDED)
        return r;
    if (end == GEN_RETURNED)
        raise_stop(I, r);
    return 0;
}

SimId vm_gen_send(PyRun *I, SimId g, SimId value)
{
    GenEnd end;
    SimId r = resume(I, g, value, false, &end);
    return finish(I, r, end);
}

SimId vm_gen_next(PyRun *I, SimId g)
{
    GenEnd end;
    SimId r = resume(I, g, 0, false, &end);
    if (end == GEN_RETURNED) {
        sim_xdecref(S, r);
        return 0;
    }
    return r;
}

static SimId throw_in(PyRun *I, SimId g, GenEnd *end);

/* gen_close_iter: a generator sub-iterator is closed (others have no close) */
static bool close_sub(PyRun *I, SimId g, SimId sub)
{
    if (sim_kind(S, sub) != SK_GEN)
        return true;
    sim_obj(S, g)->sub = SIM_GEN_RUNNING;
    sim_incref(S, sub);
    bool ok = vm_gen_close(I, sub);
    sim_decref(S, sub);
    sim_obj(S, g)->sub = SIM_GEN_SUSPENDED;
    return ok;
}

/* _gen_throw: a frame in `yield from` passes the exception to the
 * sub-generator first; GeneratorExit closes it and is raised here. */
static SimId throw_in(PyRun *I, SimId g, GenEnd *end)
{
    SimId sub = vm_gen_yield_from_target(I, g);
    if (sub && py_err_matches(I, EXC_GeneratorExit)) {
        SimId exc = exc_instance(I); /* kept while the sub-iterator closes */
        py_err_clear(I);
        if (close_sub(I, g, sub))
            vm_raise_value(I, exc);
        else
            sim_decref(S, exc);
    } else if (sub && sim_kind(S, sub) != SK_GEN && I->await_throw) { /* asyncio's operations */
        SimId r = 0;
        int h = I->await_throw(I, sub, &r);
        if (h == 1) {
            *end = GEN_YIELDED;
            return r;
        }
        if (h == 0 || h == -1) {
            drop_yield_from(I, g, h == 0);
            if (h == 0) {
                py_err_clear(I);
                SimId v = resume(I, g, r, false, end);
                sim_decref(S, r);
                return v;
            }
        }
    } else if (sub && sim_kind(S, sub) == SK_GEN) {
        GenEnd sub_end;
        sim_obj(S, g)->sub = SIM_GEN_RUNNING;
        sim_incref(S, sub);
        SimId r = throw_in(I, sub, &sub_end);
        sim_decref(S, sub);
        sim_obj(S, g)->sub = SIM_GEN_SUSPENDED;
        if (sub_end == GEN_YIELDED) {
            *end = GEN_YIELDED;
            return r;
        }
        drop_yield_from(I, g, sub_end == GEN_RETURNED);
        if (sub_end == GEN_RETURNED) { /* its value is what the yield from gives */
            SimId v = resume(I, g, r ? r : S->none, false, end);
            sim_xdecref(S, r);
            return v;
        }
    }
    return resume(I, g, 0, true, end);
}

SimId vm_gen_throw(PyRun *I, SimId g)
{
    GenEnd end;
    SimId r = throw_in(I, g, &end);
    return finish(I, r, end);
}

/* The first close() of a suspended generator that raises GeneratorExit
 * into its frame moves CPython's young count by one more than the model
 * makes (3.12 always; 3.13 when the frame has a try block or a yield from,
 * where it does raise), and by nothing after it, in ways not found yet:
 * the count is refused until the next full collection. */
static void first_close_note(PyRun *I, SimId g)
{
    if (I->gen_closed_once || S->prof->version == SIM_V311)
        return;
    I->gen_closed_once = true;
    const PyCode *co = &I->codes[SIM_V(S, g, SK_GEN, gen.code)];
    bool raises = S->prof->version == SIM_V312 || co->maxtry > 0;
    for (size_t i = 0; !raises && i < co->nops; i++)
        raises = OPCODE(co->ops[i]) == OP_YIELD_FROM;
    if (!raises)
        return;
    I->gc_count_unsure = true;
    if (!I->count_unsure_what)
        I->count_unsure_what = "the program's first close() of a suspended generator";
}

bool vm_gen_close(PyRun *I, SimId g)
{
    SimObj *o = sim_obj(S, g);
    if (o->sub == SIM_GEN_CLOSED)
        return true;
    bool coro = o->v.gen.flavor == SIM_GEN_CORO;
    if (o->sub == SIM_GEN_RUNNING) {
        py_raise(I, EXC_ValueError, "%s already executing", coro ? "coroutine" : "generator");
        return false;
    }
    if (o->sub == SIM_GEN_CREATED) {
        o->sub = SIM_GEN_CLOSED;
        if (S->prof->version == SIM_V311) /* it runs the frame into GeneratorExit, which clears it */
            sim_gen_clear_frame(S, g);
        return true; /* 3.12+: marked completed, the frame goes with the generator */
    }
    first_close_note(I, g);
    SimId sub = vm_gen_yield_from_target(I, g);
    if (!sub || close_sub(I, g, sub))
        py_raise(I, EXC_GeneratorExit, "%s", "");
    GenEnd end;
    SimId r = resume(I, g, 0, true, &end);
    if (end == GEN_YIELDED) {
        sim_decref(S, r);
        py_raise(I, EXC_RuntimeError, "%s ignored GeneratorExit", coro ? "coroutine" : "generator");
        return false;
    }
    if (end == GEN_RETURNED) {
        sim_xdecref(S, r);
        return true;
    }
    if (py_err_matches(I, EXC_GeneratorExit) || py_err_matches(I, EXC_StopIteration)) {
        py_err_clear(I);
        return true;
    }
    return false;
}

int vm_gen_yield_from(PyRun *I)
{
    Frame *f = TOPF;
    SimId v = I->ts->stack[--f->sp];
    I->ts->stack[f->sp] = 0;
    SimId sub = I->ts->stack[f->sp - 1];
    SimId r = 0;
    GenEnd end = GEN_FAILED;
    int hooked = 2;
    if (sim_kind(S, sub) == SK_GEN) {
        r = resume(I, sub, v, false, &end);
    } else if (I->await_step && (hooked = I->await_step(I, sub, &r)) != 2) { /* asyncio's futures */
        end = hooked == 1 ? GEN_YIELDED : hooked == 0 ? GEN_RETURNED : GEN_FAILED;
    } else if (v == S->none) {
        int got = iter_step(I, sub, &r);
        end = got > 0 ? GEN_YIELDED : got < 0 ? GEN_FAILED : GEN_RETURNED;
    } else {
        py_raise(I, EXC_AttributeError, "'%s' object has no attribute 'send'", op_typename(I, sub));
    }
    sim_decref(S, v);
    if (end == GEN_YIELDED)
        return vm_gen_yield(I, r, true) ? 1 : -1;
    if (end == GEN_FAILED)
        return -1;
    f = TOPF;
    I->ts->stack[f->sp - 1] = r ? r : (sim_incref(S, S->none), S->none);
    sim_decref(S, sub);
    return 0;
}
