/*
 * vm_loop: the dispatch loop and the eval breaker (where 3.12+ runs a
 * scheduled collection): checked where ceval checks it, after a CALL of a
 * C callable, on a backward jump and on entering a Python function
 * (RESUME, in vm_call_python); the scheduler's look (vm_threads.c) at the
 * same places once the simulated clock reached its next event.  The rarer instructions and exception
 * unwinding are in vm_ops.c, the name lookups' cache in vm_names.c.
 *
 * Speed: the top frame, its code and the stack stay in locals and are
 * reloaded only when the frame depth changed (a thread's frames live in
 * chunks that never move, and a code's instructions never move once
 * compiled); under GCC and clang
 * each instruction ends by fetching and jumping to the next one itself
 * (direct threading, one indirect jump per instruction site, which the
 * branch predictor learns per site); elsewhere a portable switch does the
 * same work.  An instruction counts its step down (I->check_left); a
 * frame pushed or popped, a refused allocation (the heap's refuse_hook
 * zeroes the count: pyrun.c), the step limit, Ctrl-C and timeouts wait behind the count
 * (fetch_slow, vm_checks), stepping line by line in OP_LINE's target.
 * A call or return parks the rest of the count (vm_set_depth) and takes
 * it back with the frame reloaded in place (FRAME_MOVED): no vm_checks.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "pyrun/builtins.h"
#include "pyrun/interp.h"
#include "pyrun/types/types.h"
#include "pyrun/vm_attr_cache.h"
#include "pyrun/vm_intop.h"
#include "pyrun/vm_names.h"
#include "pyrun/vm_ops.h"
#include "sim/gc.h"

#if defined(__GNUC__) && !defined(PYDIVE_VM_SWITCH)
#define VM_THREADED 1 /* labels as values: a GNU C extension GCC and clang have */
#define UNLIKELY(x) __builtin_expect(!!(x), 0)
#else
#define UNLIKELY(x) (x)
#endif

#define S sim_
#define PUSH(v) do { SimId pv_ = (v); stack[f->sp++] = pv_; } while (0)
#define POP() (stack[--f->sp])
#define TOP(k) (stack[f->sp - 1 - (k)])

/* The top frame and its code, after a call, return or unwind moved it. */
#define RELOAD()                                     \
    do {                                             \
        depth = ts->nframes;                         \
        f = ts->top;                                 \
        PyCode *co_ = &I->codes[f->code];            \
        ops = co_->ops;                              \
        consts = co_->consts;                        \
        names = co_->names;                          \
        ncache = co_->ncache;                        \
        acache = co_->acache;                        \
        if (UNLIKELY(!ncache))                       \
            ncache = vm_name_caches(co_);            \
        if (UNLIKELY(!acache))                       \
            acache = vm_attr_caches(co_);            \
    } while (0)

/* A call or a return moved the frame (vm_set_depth): fetch_slow's work
 * for it, done in place, and the count vm_set_depth parked given back
 * (none when a check is due: fetch_slow makes it). */
#define FRAME_MOVED()                                   \
    do {                                                \
        if (I->depth != depth && I->depth > base) {     \
            RELOAD();                                   \
            I->check_left += I->depth_left;             \
            I->check_at += (uint64_t)I->depth_left;     \
            I->depth_left = 0;                          \
        }                                               \
    } while (0)

/* The instruction at f->ip, and its cost on the clock (vm_threads.c). */
#define DECODE()                                                                   \
    do {                                                                           \
        SIM_ASSERT(ops == I->codes[f->code].ops);                                  \
        uint32_t w_ = ops[f->ip];                                                  \
        arg = OPARG(w_);                                                           \
        op = (Opcode)OPCODE(w_);                                                   \
        I->vs.now += I->opcost[op];                                                \
    } while (0)

/* What runs before every instruction: counts the step, leaves op and arg
 * set and f->ip past the instruction, or returns / goes to error.  A frame
 * pushed or popped (vm_set_depth) and vm_checks' work take check_left
 * below 0, to fetch_slow.  A run's first instruction always goes there, so
 * an OP_LINE met here is never a run's first (its target may stop there). */
#define FETCH()                                                                    \
    do {                                                                           \
        if (UNLIKELY(--I->check_left < 0))                                         \
            goto fetch_slow;                                                       \
        SIM_ASSERT(I->depth == depth && !sim_nomem(S));                            \
        DECODE();                                                                  \
        f->ip++;                                                                   \
    } while (0)

#ifdef VM_THREADED
#define TARGET(o) T_##o:
#define NEXT()                                              \
    do {                                                    \
        FETCH();                                            \
        goto *targets[op]; /* 256 entries: no bounds check */ \
    } while (0)
#define DISPATCH() goto *targets[op]
#else
#define TARGET(o) case o:
#define NEXT() goto dispatch
#define DISPATCH() goto dispatch_op
#endif

static volatile sig_atomic_t no_stop; /* what *stop reads when the caller gave no flag */

/* The scheduler's look at an eval-breaker check: another thread may run
 * now (only once the clock reached check_at, never while one runs alone). */
#define SCHED_CHECK()                                       \
    do {                                                    \
        if (UNLIKELY(I->vs.now >= I->vs.check_at)) {        \
            int sw_ = vm_sched_check(I);                    \
            if (sw_ < 0)                                    \
                goto error;                                 \
            if (sw_ > 0)                                    \
                return VM_SWITCH;                           \
        }                                                   \
    } while (0)

/* A scheduled collection waits for the next check (3.12+). */
static inline void eval_breaker(PyRun *I)
{
    if (I->sim->gc.scheduled)
        vm_eval_breaker(I);
}

VmStop vm_run(PyRun *I, int base, bool step)
{
    Sim *const sim_ = I->sim;
    PyThreadState *const ts = I->ts; /* a thread switch never happens inside a run */
    SimId *const stack = ts->stack;
    const uint64_t limit = I->step_limit ? I->step_limit : UINT64_MAX;
    volatile sig_atomic_t *const stop = I->stop ? I->stop : &no_stop;
    bool executed = false;
    vm_check_next(I); /* the first instruction checks (a new limit, a stop already set) */
    int depth = -1; /* the frame depth f and ops belong to: none yet */
    Frame *f = NULL;
    const uint32_t *ops = NULL;
    const SimId *consts = NULL, *names = NULL;
    NameCache *ncache = NULL;
    AttrCache *acache = NULL;
    Opcode op;
    int32_t arg;
    SimId a, b, c, r;
#ifdef VM_THREADED
    static const void *const known[OP_COUNT] = {
        [OP_NOP] = &&T_OP_NOP, [OP_LINE] = &&T_OP_LINE, [OP_POP_TOP] = &&T_OP_POP_TOP,
        [OP_DUP_TOP] = &&T_OP_DUP_TOP, [OP_ROT_TWO] = &&T_OP_ROT_TWO,
        [OP_ROT_THREE] = &&T_OP_ROT_THREE, [OP_PUSH_NULL] = &&T_OP_PUSH_NULL,
        [OP_LOAD_CONST] = &&T_OP_LOAD_CONST, [OP_LOAD_FAST] = &&T_OP_LOAD_FAST,
        [OP_STORE_FAST] = &&T_OP_STORE_FAST, [OP_DELETE_FAST] = &&T_OP_DELETE_FAST,
        [OP_LOAD_DEREF] = &&T_OP_LOAD_DEREF, [OP_STORE_DEREF] = &&T_OP_STORE_DEREF,
        [OP_DELETE_DEREF] = &&T_OP_DELETE_DEREF, [OP_LOAD_CLOSURE] = &&T_OP_LOAD_CLOSURE,
        [OP_LOAD_NAME] = &&T_OP_LOAD_NAME, [OP_STORE_NAME] = &&T_OP_STORE_NAME,
        [OP_DELETE_NAME] = &&T_OP_DELETE_NAME, [OP_LOAD_GLOBAL] = &&T_OP_LOAD_GLOBAL,
        [OP_STORE_GLOBAL] = &&T_OP_STORE_GLOBAL, [OP_DELETE_GLOBAL] = &&T_OP_DELETE_GLOBAL,
        [OP_LOAD_ATTR] = &&T_OP_LOAD_ATTR, [OP_STORE_ATTR] = &&T_OP_STORE_ATTR,
        [OP_DELETE_ATTR] = &&T_OP_DELETE_ATTR, [OP_LOAD_METHOD] = &&T_OP_LOAD_METHOD,
        [OP_BINARY_SUBSCR] = &&T_OP_BINARY_SUBSCR, [OP_STORE_SUBSCR] = &&T_OP_STORE_SUBSCR,
        [OP_DELETE_SUBSCR] = &&T_OP_DELETE_SUBSCR, [OP_BUILD_SLICE] = &&T_OP_BUILD_SLICE,
        [OP_BINARY_OP] = &&T_OP_BINARY_OP, [OP_INPLACE_OP] = &&T_OP_INPLACE_OP,
        [OP_UNARY_OP] = &&T_OP_UNARY_OP, [OP_COMPARE_OP] = &&T_OP_COMPARE_OP,
        [OP_JUMP] = &&T_OP_JUMP, [OP_POP_JUMP_IF_FALSE] = &&T_OP_POP_JUMP_IF_FALSE,
        [OP_POP_JUMP_IF_TRUE] = &&T_OP_POP_JUMP_IF_TRUE,
        [OP_JUMP_IF_FALSE_OR_POP] = &&T_OP_JUMP_IF_FALSE_OR_POP,
        [OP_JUMP_IF_TRUE_OR_POP] = &&T_OP_JUMP_IF_TRUE_OR_POP,
        [OP_GET_ITER] = &&T_OP_GET_ITER, [OP_FOR_ITER] = &&T_OP_FOR_ITER,
        [OP_BUILD_LIST] = &&T_OP_BUILD_LIST, [OP_BUILD_TUPLE] = &&T_OP_BUILD_TUPLE,
        [OP_BUILD_MAP] = &&T_OP_BUILD_MAP, [OP_BUILD_SET] = &&T_OP_BUILD_SET,
        [OP_LIST_APPEND] = &&T_OP_LIST_APPEND, [OP_BUILD_STRING] = &&T_OP_BUILD_STRING,
        [OP_FORMAT_VALUE] = &&T_OP_FORMAT_VALUE, [OP_CALL] = &&T_OP_CALL,
        [OP_KW_NAMES] = &&T_OP_KW_NAMES, [OP_MAKE_FUNCTION] = &&T_OP_MAKE_FUNCTION,
        [OP_BUILD_CLASS] = &&T_OP_BUILD_CLASS, [OP_RETURN_VALUE] = &&T_OP_RETURN_VALUE,
        [OP_UNPACK_SEQUENCE] = &&T_OP_UNPACK_SEQUENCE, [OP_IMPORT_NAME] = &&T_OP_IMPORT_NAME,
        [OP_IMPORT_FROM] = &&T_OP_IMPORT_FROM, [OP_RAISE] = &&T_OP_RAISE,
        [OP_ASSERT_FAIL] = &&T_OP_ASSERT_FAIL, [OP_LIST_EXTEND] = &&T_OP_LIST_EXTEND,
        [OP_SET_UPDATE] = &&T_OP_SET_UPDATE, [OP_SETUP_TRY] = &&T_OP_SETUP_TRY,
        [OP_POP_TRY] = &&T_OP_POP_TRY, [OP_MATCH_EXC] = &&T_OP_MATCH_EXC,
        [OP_POP_EXC] = &&T_OP_POP_EXC, [OP_RERAISE] = &&T_OP_RERAISE,
        [OP_CALL_EX] = &&T_OP_CALL_EX, [OP_LIST_TO_TUPLE] = &&T_OP_LIST_TO_TUPLE,
        [OP_DICT_MERGE] = &&T_OP_DICT_MERGE, [OP_DICT_UPDATE] = &&T_OP_DICT_UPDATE,
        [OP_SET_ADD] = &&T_OP_SET_ADD, [OP_SET_EXTEND] = &&T_OP_SET_EXTEND,
        [OP_UNPACK_EX] = &&T_OP_UNPACK_EX, [OP_SUPER_ATTR] = &&T_OP_SUPER_ATTR,
        [OP_MAP_ADD] = &&T_OP_MAP_ADD, [OP_YIELD_VALUE] = &&T_OP_YIELD_VALUE,
        [OP_YIELD_FROM] = &&T_OP_YIELD_FROM, [OP_BEFORE_WITH] = &&T_OP_BEFORE_WITH,
        [OP_WITH_EXIT] = &&T_OP_WITH_EXIT, [OP_WITH_EXCEPT] = &&T_OP_WITH_EXCEPT,
        [OP_MATCH] = &&T_OP_MATCH, [OP_EXC_STAR] = &&T_OP_EXC_STAR,
        [OP_JUMP_IF_NONE_POP] = &&T_OP_JUMP_IF_NONE_POP,
    };
    _Static_assert(OP_JUMP_IF_NONE_POP + 1 == OP_COUNT, "every opcode has its target above");
    static const void *targets[256]; /* every byte an opcode can be: the others are bad */
    if (UNLIKELY(!targets[0]))
        for (int i = 0; i < 256; i++)
            targets[i] = i < OP_COUNT ? known[i] : &&T_bad_opcode;
    if (UNLIKELY(ts->resume_failed)) { /* a blocked call's continuation raised (vm_threads.c) */
        ts->resume_failed = false;
        goto error;
    }
    NEXT();
#else
    if (ts->resume_failed) {
        ts->resume_failed = false;
        goto error;
    }
dispatch:
    FETCH();
dispatch_op:
    switch (op) {
#endif
    TARGET(OP_NOP) NEXT();
    TARGET(OP_LINE) /* from FETCH's fast path only: see fetch_slow */
        if (step && ts->nested == 0) { /* a stepped run stops before the line's first instruction */
            f->ip--; /* OP_LINE costs no clock (vm_threads.c) */
            I->check_left++; /* not a step: the next run executes it */
            return VM_STEPPED;
        }
        f->line = arg;
        NEXT();
    TARGET(OP_POP_TOP) a = POP(); sim_decref(S, a); NEXT();
    TARGET(OP_DUP_TOP)
        if (arg == 2) {
            a = TOP(1), b = TOP(0);
            sim_incref(S, a), sim_incref(S, b);
            PUSH(a);
            PUSH(b);
        } else {
            a = TOP(0);
            sim_incref(S, a);
            PUSH(a);
        }
        NEXT();
    TARGET(OP_ROT_TWO) a = TOP(0); TOP(0) = TOP(1); TOP(1) = a; NEXT();
    TARGET(OP_ROT_THREE) a = TOP(0); TOP(0) = TOP(1); TOP(1) = TOP(2); TOP(2) = a; NEXT();
    TARGET(OP_PUSH_NULL) PUSH(0); NEXT();
    TARGET(OP_LOAD_CONST) a = consts[arg]; sim_incref(S, a); PUSH(a); NEXT();
    TARGET(OP_LOAD_FAST)
        a = stack[f->base + (uint32_t)arg];
        if (UNLIKELY(!a)) {
            vm_unbound_error(I, arg, false);
            goto error;
        }
        sim_incref(S, a);
        PUSH(a);
        NEXT();
    TARGET(OP_STORE_FAST)
        a = POP();
        b = stack[f->base + (uint32_t)arg];
        stack[f->base + (uint32_t)arg] = a;
        sim_gc_released(S, b);
        sim_xdecref(S, b);
        NEXT();
    TARGET(OP_DELETE_FAST) TARGET(OP_LOAD_DEREF) TARGET(OP_LOAD_CLOSURE) TARGET(OP_STORE_DEREF)
    TARGET(OP_DELETE_DEREF)
        if (!vm_op_slot(I, op, arg))
            goto error;
        NEXT();
    TARGET(OP_LOAD_NAME) TARGET(OP_LOAD_GLOBAL) {
        NameCache *nc = &ncache[f->ip - 1];
        a = vm_name_hit(I, f, nc, names[arg], op == OP_LOAD_NAME);
        if (a)
            sim_incref(S, a);
        else if (!(a = vm_load_name_slow(I, nc, arg, op == OP_LOAD_NAME)))
            goto error;
        PUSH(a);
        NEXT();
    }
    TARGET(OP_STORE_NAME) TARGET(OP_STORE_GLOBAL) {
        NameCache *nc = &ncache[f->ip - 1];
        a = POP();
        b = op == OP_STORE_NAME && f->locals ? f->locals : f->globals;
        if ((UNLIKELY(I->vs.parallel) && !vm_race_check(I, b, names[arg], VM_RACE_GLOBAL)) ||
            (UNLIKELY(I->order_watch) && !I->order_watch(I, NULL))) {
            sim_decref(S, a);
            goto error;
        }
        if (nc->where == 1 && (c = vm_name_entry(S, b, nc->entry, names[arg]))) {
            sim_gc_released(S, c);
            sim_dict_replace_at(S, b, nc->entry, a);
        } else if (!vm_store_name_at(I, nc, arg, a, op == OP_STORE_NAME))
            goto error;
        NEXT();
    }
    TARGET(OP_DELETE_NAME) TARGET(OP_DELETE_GLOBAL)
        if ((UNLIKELY(I->order_watch) && !I->order_watch(I, NULL)) || !vm_delete_name(I, arg, op == OP_DELETE_NAME))
            goto error;
        NEXT();
    TARGET(OP_LOAD_ATTR) {
        AttrCache *ac = &acache[f->ip - 1];
        a = POP();
        r = vm_attr_hit(I, ac, a, names[arg]);
        if (r) { /* what vm_load_attr does for it */
            sim_incref(S, r);
            sim_decref(S, a);
            PUSH(r);
            NEXT();
        }
        vm_attr_fill(I, ac, a, names[arg], false);
        if (!vm_load_attr(I, a, arg))
            goto error;
        NEXT();
    }
    TARGET(OP_LOAD_METHOD) {
        AttrCache *ac = &acache[f->ip - 1];
        a = POP();
        b = vm_method_hit(I, ac, a, names[arg]);
        if (b) { /* what attr_method pushes for it: the callable, then the object */
            PUSH(b);
            PUSH(a);
            NEXT();
        }
        vm_method_fill(I, ac, a, names[arg]);
        if (!attr_method(I, a, names[arg], &b, &c)) {
            sim_decref(S, a);
            goto error;
        }
        PUSH(b);
        PUSH(c);
        NEXT();
    }
    TARGET(OP_STORE_ATTR) {
        AttrCache *ac = &acache[f->ip - 1];
        a = POP(); /* object */
        b = POP(); /* value */
        if ((UNLIKELY(I->vs.parallel) && !vm_race_check(I, a, names[arg], VM_RACE_ATTR)) ||
            (UNLIKELY(I->order_watch) && !I->order_watch(I, NULL))) {
            sim_decref(S, a), sim_decref(S, b);
            goto error;
        }
        if (vm_attr_store_hit(I, ac, a, names[arg], b)) {
            sim_decref(S, a);
            NEXT();
        }
        vm_attr_fill(I, ac, a, names[arg], true);
        if (!attr_set(I, a, vm_name_const(I, arg), b)) {
            sim_decref(S, a), sim_decref(S, b);
            goto error;
        }
        sim_decref(S, a);
        sim_decref(S, b);
        NEXT();
    }
    TARGET(OP_DELETE_ATTR)
        if (!vm_op_delete_attr(I, arg))
            goto error;
        NEXT();
    TARGET(OP_BINARY_SUBSCR)
        b = POP(), a = POP();
        r = op_getitem(I, a, b);
        sim_decref(S, b), sim_decref(S, a);
        if (!r)
            goto error;
        PUSH(r);
        NEXT();
    TARGET(OP_STORE_SUBSCR) {
        b = POP(), a = POP(), c = POP();
        if ((UNLIKELY(I->vs.parallel) && !vm_race_check(I, a, b, VM_RACE_ITEM)) ||
            (UNLIKELY(I->order_watch) && !I->order_watch(I, NULL))) {
            sim_decref(S, b), sim_decref(S, a), sim_decref(S, c);
            goto error;
        }
        bool ok = op_setitem(I, a, b, c);
        sim_decref(S, b), sim_decref(S, a), sim_decref(S, c);
        if (!ok)
            goto error;
        NEXT();
    }
    TARGET(OP_DELETE_SUBSCR)
        if (!vm_op_delete_subscr(I))
            goto error;
        NEXT();
    TARGET(OP_BUILD_SLICE) PUSH(vm_build_slice(I, arg)); NEXT();
    TARGET(OP_BINARY_OP) TARGET(OP_INPLACE_OP)
        b = POP(), a = POP();
        r = vm_small_int_op(S, arg, a, b); /* else op_binary, which starts with it again */
        r = r ? r : op_binary(I, arg, a, b, op == OP_INPLACE_OP);
        sim_decref(S, a), sim_decref(S, b);
        if (!r)
            goto error;
        PUSH(r);
        NEXT();
    TARGET(OP_UNARY_OP)
        a = POP();
        r = op_unary(I, arg, a);
        sim_decref(S, a);
        if (!r)
            goto error;
        PUSH(r);
        NEXT();
    TARGET(OP_COMPARE_OP)
        b = POP(), a = POP();
        r = op_compare(I, arg, a, b);
        sim_decref(S, a), sim_decref(S, b);
        if (!r)
            goto error;
        PUSH(r);
        NEXT();
    TARGET(OP_JUMP)
        if ((uint32_t)arg < f->ip) {
            eval_breaker(I);
            f->ip = (uint32_t)arg;
            SCHED_CHECK();
        }
        f->ip = (uint32_t)arg;
        NEXT();
    TARGET(OP_POP_JUMP_IF_FALSE) TARGET(OP_POP_JUMP_IF_TRUE) {
        a = POP();
        int t = op_truth(I, a);
        sim_decref(S, a);
        if (t < 0)
            goto error;
        if (t == (op == OP_POP_JUMP_IF_TRUE))
            f->ip = (uint32_t)arg;
        NEXT();
    }
    TARGET(OP_JUMP_IF_FALSE_OR_POP) TARGET(OP_JUMP_IF_TRUE_OR_POP) {
        int t = op_truth(I, TOP(0));
        if (t < 0)
            goto error;
        if (t == (op == OP_JUMP_IF_TRUE_OR_POP)) {
            f->ip = (uint32_t)arg;
        } else {
            a = POP();
            sim_decref(S, a);
        }
        NEXT();
    }
    TARGET(OP_GET_ITER)
        if (!vm_op_get_iter(I, arg))
            goto error;
        NEXT();
    TARGET(OP_FOR_ITER) {
        /* a range, list or tuple iterator: what iter_step comes to for them
         * (sim_iter_next; nothing is raised, a refused allocation is seen
         * at the next FETCH), without the generic dispatch */
        const SimObj *io = sim_obj(S, TOP(0));
        int got;
        if (io->kind == SK_ITER && (io->sub == SIM_IT_RANGE || io->sub == SIM_IT_LIST || io->sub == SIM_IT_TUPLE)) {
            r = sim_iter_next(S, TOP(0));
            got = r ? 1 : I->ts->err.set && I->refused ? -1 : 0;
        } else {
            got = iter_step(I, TOP(0), &r);
        }
        if (got > 0) {
            PUSH(r);
        } else if (got < 0) {
            if (UNLIKELY(ts->retry) && vm_retry_taken(I)) {
                SCHED_CHECK(); /* the next blocked: FOR_ITER runs again when it wakes */
                NEXT();
            }
            goto error;
        } else {
            a = POP();
            sim_decref(S, a);
            f->ip = (uint32_t)arg;
        }
        NEXT();
    }
    TARGET(OP_BUILD_LIST)
        if (!vm_op_build_list(I, arg))
            goto error;
        NEXT();
    TARGET(OP_BUILD_TUPLE) vm_op_build_tuple(I, arg); NEXT();
    TARGET(OP_BUILD_SET)
        if (!vm_op_build_set(I, arg))
            goto error;
        NEXT();
    TARGET(OP_BUILD_MAP)
        if (!vm_op_build_map(I, arg))
            goto error;
        NEXT();
    TARGET(OP_LIST_EXTEND)
        if (!vm_list_extend(I, arg))
            goto error;
        NEXT();
    TARGET(OP_SET_UPDATE)
        if (!vm_set_extend(I, arg))
            goto error;
        NEXT();
    TARGET(OP_LIST_APPEND)
        a = POP();
        sim_list_append(S, TOP(arg - 1), a);
        NEXT();
    TARGET(OP_YIELD_VALUE)
        if (!vm_gen_yield(I, POP(), false))
            goto error;
        return VM_RETURNED; /* a generator's frame always returns to C (vm_gen.c) */
    TARGET(OP_YIELD_FROM) {
        int y = vm_gen_yield_from(I);
        if (y < 0)
            goto error;
        if (y > 0)
            return VM_RETURNED;
        NEXT();
    }
    TARGET(OP_BEFORE_WITH)
        if (!vm_before_with(I, arg))
            goto error;
        SCHED_CHECK(); /* __enter__ may block (a lock) */
        NEXT();
    TARGET(OP_WITH_EXIT)
        if (!vm_with_exit(I, arg))
            goto error;
        if (UNLIKELY(ts->resume)) /* __exit__ waits (an executor's shutdown) */
            SCHED_CHECK();
        NEXT();
    TARGET(OP_WITH_EXCEPT)
        if (!vm_with_except(I))
            goto error;
        NEXT();
    TARGET(OP_MATCH)
        if (!vm_match_op(I, arg))
            goto error;
        NEXT();
    TARGET(OP_EXC_STAR)
        if (!vm_exc_star(I, arg))
            goto error;
        NEXT();
    TARGET(OP_JUMP_IF_NONE_POP)
        if (TOP(0) == S->none) {
            sim_decref(S, POP());
            f->ip = (uint32_t)arg;
        }
        NEXT();
    TARGET(OP_MAP_ADD)
        if (!vm_map_add(I, arg))
            goto error;
        NEXT();
    TARGET(OP_BUILD_STRING) vm_op_build_string(I, arg); NEXT();
    TARGET(OP_FORMAT_VALUE)
        if (!vm_format_value(I, arg))
            goto error;
        NEXT();
    TARGET(OP_KW_NAMES)
        ts->kwnames = consts[arg];
        sim_incref(S, ts->kwnames);
        NEXT();
    TARGET(OP_CALL) {
        int before = ts->nframes;
        if (!vm_do_call(I, arg)) {
            if (UNLIKELY(ts->retry) && vm_retry_taken(I)) {
                SCHED_CHECK(); /* blocked: the CALL runs again when it wakes */
                NEXT();
            }
            goto error;
        }
        if (ts->nframes == before) { /* a C callable: CALL ends with the check */
            eval_breaker(I);
            SCHED_CHECK();
            NEXT();
        }
        SCHED_CHECK(); /* ... and a Python function's RESUME has one */
        FRAME_MOVED();
        NEXT();
    }
    TARGET(OP_MAKE_FUNCTION) vm_op_make_function(I, arg); NEXT();
    TARGET(OP_BUILD_CLASS)
        if (!vm_build_class(I, (uint32_t)arg))
            goto error;
        NEXT();
    TARGET(OP_RETURN_VALUE) {
        a = POP();
        int rr = vm_do_return(I, a);
        if (rr < 0)
            goto error;
        if (rr > 0)
            return VM_RETURNED;
        FRAME_MOVED();
        NEXT();
    }
    TARGET(OP_UNPACK_SEQUENCE)
        if (!vm_unpack(I, arg))
            goto error;
        NEXT();
    TARGET(OP_IMPORT_NAME)
        if (!vm_op_import_name(I, arg))
            goto error;
        NEXT();
    TARGET(OP_IMPORT_FROM)
        if (!vm_op_import_from(I, arg))
            goto error;
        NEXT();
    TARGET(OP_RAISE)
        vm_raise_op(I, arg);
        goto error;
    TARGET(OP_ASSERT_FAIL)
        vm_op_assert_fail(I, arg);
        goto error;
    TARGET(OP_SETUP_TRY)
        if (!vm_op_setup_try(I, arg))
            goto error;
        NEXT();
    TARGET(OP_POP_TRY)
        if (f->ntry)
            f->ntry--;
        NEXT();
    TARGET(OP_MATCH_EXC) vm_op_match_exc(I, arg); NEXT();
    TARGET(OP_POP_EXC) /* POP_EXCEPT */
        exc_handled_pop_to(I, ts->nhandled ? ts->nhandled - 1 : 0);
        NEXT();
    TARGET(OP_RERAISE)
        exc_reraise(I, true);
        goto error;
    TARGET(OP_CALL_EX)
        if (!vm_call_ex(I, arg))
            goto error;
        NEXT();
    TARGET(OP_SUPER_ATTR)
        if (!vm_super_attr(I, arg))
            goto error;
        NEXT();
    TARGET(OP_LIST_TO_TUPLE) vm_list_to_tuple(I); NEXT();
    TARGET(OP_DICT_MERGE) TARGET(OP_DICT_UPDATE)
        if (!vm_dict_merge(I, arg, op == OP_DICT_MERGE))
            goto error;
        NEXT();
    TARGET(OP_SET_ADD)
        if (!vm_set_add(I, arg))
            goto error;
        NEXT();
    TARGET(OP_SET_EXTEND)
        if (!vm_set_extend(I, arg))
            goto error;
        NEXT();
    TARGET(OP_UNPACK_EX)
        if (!vm_unpack_ex(I, arg))
            goto error;
        NEXT();
#ifdef VM_THREADED
T_bad_opcode:
#else
    default:
        break;
    }
#endif
    py_raise(I, EXC_SystemError, "bad opcode %d", (int)op);
error:
    if (!vm_unwind(I, base))
        return VM_ERROR;
    NEXT();
fetch_slow: /* FETCH's count went below 0: the step counted, the rest as FETCH */
    if (I->depth != depth) { /* I->depth: ts->nframes in one load */
        SIM_ASSERT(I->depth == ts->nframes);
        if (I->depth <= base) {
            I->check_left++; /* not a step */
            return VM_RETURNED;
        }
        RELOAD();
    }
    if (UNLIKELY(sim_nomem(S)) && sim_take_nomem(S)) { /* a refused allocation (not a step) */
        I->check_left++;
        py_no_memory(I); /* the last instruction was refused memory */
        goto error;
    }
    DECODE();
    if (op == OP_LINE) { /* a stepped run stops at a line, unless the line is where it starts */
        if (step && executed && ts->nested == 0) {
            I->check_left++; /* not a step: the next run executes it */
            return VM_STEPPED;
        }
        f->line = arg;
    }
    executed = true;
    if (I->depth_left > 0) { /* only the frame moved: the count goes on (vm_set_depth) */
        I->check_left += I->depth_left;
        I->check_at += (uint64_t)I->depth_left;
        I->depth_left = 0;
    } else if (!vm_checks(I, limit, stop)) {
        goto error;
    }
    f->ip++;
    if (op == OP_LINE)
        NEXT(); /* done above */
    DISPATCH();
}

VmStop vm_run_throw(PyRun *I, int base)
{
    if (!vm_unwind(I, base))
        return VM_ERROR;
    return vm_run(I, base, false);
}
