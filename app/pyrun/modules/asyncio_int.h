/*
 * asyncio_int: what modules/asyncio.c (the module, its classes and
 * functions), asyncio_loop.c (the event loop, futures and tasks) and
 * asyncio_sync.c (Queue, Event, Lock, Semaphore) share.
 *
 * A Future, a Task and what asyncio.sleep() returns are instances of the
 * module's classes; their state (pending, finished, cancelled, and a few
 * flags) is in the object's spare word, the references they hold (result,
 * exception, coroutine, name, done callbacks) in their __dict__ under the
 * names of asyncio's pure-Python Future and Task, so that what they keep
 * alive is freed with them and the audit sees it.  The loop's ready queue
 * and timers hold their own references (asyncio_roots).
 */
#ifndef PYDIVE_PYRUN_MODULES_ASYNCIO_INT_H
#define PYDIVE_PYRUN_MODULES_ASYNCIO_INT_H

#include <string.h>

#include "base/xalloc.h"
#include "pyrun/builtins.h"
#include "pyrun/modules/asyncio.h"
#include "pyrun/types/types.h"
#include "sim/looplog.h"

#define S (I->sim)

/* The spare word of a future: its state and flags */
enum { FS_PENDING, FS_FINISHED, FS_CANCELLED };
#define FW_STATE 3u
#define FW_BLOCKING 4u    /* _asyncio_future_blocking: yielded to the task that awaits it */
#define FW_MUST_CANCEL 8u /* a task: cancel() came while it was not waiting */
#define FW_RETRIEVED 16u  /* its exception was retrieved (no 'never retrieved' log) */
#define FW_TIMER 32u      /* a sleep: its timer was scheduled */
#define FW_RETEXC 64u     /* a gather: return_exceptions */
#define FW_CANCEL_REQ 128u /* a gather: cancel() was called on it */
#define FW_COUNT_SHIFT 8  /* a gather: children finished; a task: cancel requests */
#define FW_HIDDEN (1u << 31) /* a task as_completed() made from a coroutine: its Task-N is a set's order */
#define FW_FIRST (1u << 30)  /* ... and its first step has not run yet (asyncio_order.c) */
#define FW_COUNT(w) ((int)(((w) & ~(FW_HIDDEN | FW_FIRST)) >> FW_COUNT_SHIFT))

/* What the ready queue and the timers run */
enum { AQ_STEP, AQ_WAKEUP, AQ_CALLBACK, AQ_GATHER, AQ_SLEEP_DONE, AQ_TIMEOUT, AQ_RELEASE, AQ_WAIT_DONE, AQ_SHIELD_INNER,
       AQ_SHIELD_OUTER, AQ_TG_DONE, AQ_ASC_DONE, AQ_ASC_TIMEOUT, AQ_EXEC_DONE, AQ_EXEC_CANCEL, AQ_HANDLE };

/* The operations asyncio_sync.c's objects stand for (the low bits of their word) */
/* OK_WAITFOR and the kinds after it step themselves, thrown into too (aio_long_step) */
enum { OK_LOCK, OK_SEM, OK_EVENT, OK_GET, OK_PUT, OK_JOIN, OK_DONE, OK_WAITFOR, OK_WAIT, OK_TGEXIT, OK_ASONE, OK_COND,
       OK_CONDFOR, OK_TOTHREAD };

typedef struct AioItem {
    uint8_t op;
    SimId a, b; /* owned, 0 for none */
} AioItem;

typedef struct AioTimer {
    int64_t when; /* ps on the simulated clock */
    uint64_t seq;
    AioItem it;
    bool cancelled;
} AioTimer;

typedef struct PyAsyncio {
    SimId cls[AC_COUNT];    /* the classes (owned) */
    AioItem *ready;         /* the ready queue: [head, nready) */
    size_t head, nready, capready;
    AioTimer *timers;       /* scheduled calls, unsorted (few) */
    size_t ntimers, captimers;
    uint64_t seq;
    SimId *tasks;           /* the tasks not done yet (owned): what asyncio.run cancels */
    size_t ntasks, captasks;
    SimId *failed;          /* the tasks that ended with an exception (owned, until the run's end) */
    size_t nfailed, capfailed;
    SimId current;          /* the task being stepped (borrowed), or 0 */
    SimId woke_by;          /* the future whose done callback woke it (borrowed), or 0 */
    SimId loop;             /* the running loop object (owned), or 0 */
    uint64_t task_counter;  /* the next Task-N */
    LoopLog log;            /* the tasks' lanes, for the loop view (asyncio_log.c) */
    SimId *logids;          /* the log's tasks (compared only; 0 once done) */
    size_t caplogids;
    int wake_ev;            /* 1 + the scheduler event the selector's wake-up sets, 0 none yet */
    SimId executor;         /* the default ThreadPoolExecutor (owned), or 0 */
    SimId *chains;          /* run_in_executor's (concurrent future, asyncio future) pairs (owned) */
    size_t nchains, capchains;
    struct AioOrder *order; /* as_completed()'s tasks made from coroutines (asyncio_order.c), or NULL */
    SimId run_exc;          /* the exception asyncio.run() raised last (borrowed, compared only), or 0 */
    int loop_thread;        /* the thread asyncio.run() runs the loop on */
    int tb_kind;            /* the frames of asyncio's an operation's error leaves (TB_KIND_*), for
                             * aio_lib_raised; 0 unknown */
} PyAsyncio;

static inline PyAsyncio *aio(PyRun *I)
{
    if (!I->asyncio)
        I->asyncio = xcalloc(1, sizeof *I->asyncio);
    return I->asyncio;
}

static inline SimId aio_name(PyRun *I, const char *s) { return sim_str_intern(S, s, strlen(s)); }

static inline uint32_t fw(PyRun *I, SimId f) { return sim_obj(S, f)->cap; }
static inline void fw_set(PyRun *I, SimId f, uint32_t w) { sim_obj(S, f)->cap = w; }
static inline int fstate(PyRun *I, SimId f) { return (int)(fw(I, f) & FW_STATE); }

/* obj.<name> = v (v's reference stolen); obj's own attribute (borrowed) or 0 */
bool aio_put(PyRun *I, SimId obj, const char *name, SimId v);
SimId aio_get(PyRun *I, SimId obj, const char *name);

/* asyncio_loop.c */
bool aio_is_class(PyRun *I, SimId v, int c);
bool aio_is_future(PyRun *I, SimId v); /* a Future, a Task or a sleep */
SimId aio_future_new(PyRun *I, int c);
void aio_call_soon(PyRun *I, int op, SimId a, SimId b);        /* a, b borrowed */
void aio_call_later(PyRun *I, int64_t delay, int op, SimId a, SimId b);
void aio_add_callback(PyRun *I, SimId fut, int op, SimId obj); /* obj borrowed */
void aio_set_result(PyRun *I, SimId fut, SimId value);         /* value stolen */
void aio_set_exception(PyRun *I, SimId fut, SimId exc);        /* exc stolen */
bool aio_cancel(PyRun *I, SimId fut, SimId msg);               /* msg borrowed or 0 */
/* A new CancelledError (with the future's cancel message); owned */
SimId aio_cancelled_error(PyRun *I, SimId fut);
/* future.result(): a new reference, or 0 with its exception raised */
SimId aio_result(PyRun *I, SimId fut);
/* A task for coroutine coro (borrowed), scheduled; name 0: Task-N */
SimId aio_task_new(PyRun *I, SimId coro, SimId name);
/* asyncio.create_task(coro, name=name): 3.11 and 3.12 make the task with
 * its Task-N name, then set name (the counter moves for a named task too) */
SimId aio_task_new_later(PyRun *I, SimId coro, SimId name);
/* Runs the loop until fut is done: false when the run must stop (an
 * exception that ends the program, a refusal) */
bool aio_run_until(PyRun *I, SimId fut);
/* Is v something a task can run: a coroutine or what asyncio.sleep() made */
bool aio_is_coro(PyRun *I, SimId v);
int64_t aio_secs_arg(PyRun *I, SimId v, bool *ok);
void aio_gather_child_done(PyRun *I, SimId outer, SimId fut);
/* asyncio_await.c: vm_coro.c's and vm_gen.c's hooks for `await` on a
 * future; a sleep's step (as await_step's) */
void aio_install_hooks(PyRun *I);
int aio_sleep_step(PyRun *I, SimId sl, SimId *out);
/* n turns of the loop without waiting for a timer (the shutdown's) */
bool aio_run_turns(PyRun *I, int n);
void aio_loop_close(PyRun *I);
/* asyncio.c: a class of the module (size: a C type's sys.getsizeof, or 0) */
SimId aio_make_class(PyRun *I, const char *module, const char *name, const BuiltinFn *fns, const char *const *names,
                     int nfns, SimId base, int size);
/* asyncio_sync.c: Queue, Event, Lock, Semaphore; their awaited operations
 * (aio_op_step as await_step's; aio_op_throw runs their except clauses) */
void aio_sync_init(PyRun *I, SimId d);
int aio_op_step(PyRun *I, SimId op, SimId *out);
void aio_op_throw(PyRun *I, SimId op);
/* an operation of kind on target (borrowed), with item (borrowed, or 0) */
SimId aio_op_new(PyRun *I, int kind, SimId target, SimId item);
/* asyncio_loop.c */
void aio_cancel_timer_of(PyRun *I, SimId a);
SimId aio_stop_value(PyRun *I);
/* asyncio_future.c: the methods of Future and Task */
SimId aio_f_done(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_f_cancelled(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_f_result(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_f_exception(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_f_cancel(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_f_add_done_callback(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_f_set_result(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_f_set_exception(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_t_get_name(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_t_set_name(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_t_get_coro(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_f_repr(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_f_await(PyRun *I, SimId *a, int n, SimId kw);
/* asyncio_wait.c: timeout() and wait_for() */
int aio_wait_step(PyRun *I, SimId op, bool throwing, SimId *out);
void aio_timeout_fire(PyRun *I, SimId t);
void aio_release_waiter(PyRun *I, SimId waiter);
SimId aio_task_cancelling(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_task_uncancel(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_m_timeout(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_m_wait_for(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_timeout_aenter(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_timeout_aexit(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_timeout_expired(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_timeout_when(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_timeout_reschedule(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_m_timeout_at(PyRun *I, SimId *a, int n, SimId kw);
/* asyncio_group.c: wait(), shield(), TaskGroup, all_tasks() */
int aio_long_step(PyRun *I, SimId op, bool throwing, SimId *out); /* an operation of kind >= OK_WAITFOR */
bool aio_group_callback(PyRun *I, int op, SimId a, SimId b);    /* AQ_WAIT_DONE and after */
const char *aio_op_name(PyRun *I, int kind);                    /* its coroutine's name, for a warning */
void aio_remove_callback(PyRun *I, SimId fut, int op, SimId obj);
SimId aio_m_wait(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_m_shield(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_m_all_tasks(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_tg_init(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_tg_repr(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_tg_aenter(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_tg_aexit(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_tg_create_task(PyRun *I, SimId *a, int n, SimId kw);
/* asyncio_ascomp.c: as_completed() */
SimId aio_m_as_completed(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_asc_iter(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_asc_next(PyRun *I, SimId *a, int n, SimId kw);
int aio_asc_step(PyRun *I, SimId op, bool throwing, SimId *out);
void aio_asc_done(PyRun *I, SimId it, SimId f);
void aio_asc_timeout(PyRun *I, SimId it);
/* asyncio_cancel.c: cancels the tasks pending among tasks[0..n) as a loop
 * over a set of them does (what: who does, for a refusal at line) */
bool aio_cancel_set(PyRun *I, const SimId *tasks, size_t n, int line, const char *what);
/* asyncio_order.c: the tasks as_completed() makes from two or more
 * coroutines (their order is a set's): marked at their making; a first
 * step entered (order_watch set) and left (r: what it yielded, 0 ended;
 * false refused); a name read of one refused (true) */
bool aio_order_begin(PyRun *I, const SimId *tasks, size_t n);
void aio_order_enter(PyRun *I);
bool aio_order_leave(PyRun *I, SimId task, SimId r);
bool aio_order_hidden_name(PyRun *I, SimId task, const char *what);
void aio_order_free(PyRun *I);
/* asyncio_handle.c: the loop's call_soon/call_later/call_at, Handle's
 * methods; aio_handle_run runs one when the loop comes to it */
SimId aio_l_call_soon(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_l_call_later(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_l_call_at(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_l_call_soon_threadsafe(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_h_cancel(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_h_cancelled(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_h_when(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_h_repr(PyRun *I, SimId *a, int n, SimId kw);
bool aio_handle_run(PyRun *I, SimId h);
bool aio_handle_refcount(PyRun *I, SimId h, SimId *out); /* asyncio_getrefcount's */
/* asyncio_exec.c: run_in_executor, to_thread, the loop's thread waiting
 * while the workers run (aio_exec_select: timeout ps, < 0 none) */
bool aio_threads_alive(PyRun *I);
void aio_exec_wake(PyRun *I); /* _write_to_self: the selector's wait returns */
SimId aio_l_run_in_executor(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_m_to_thread(PyRun *I, SimId *a, int n, SimId kw);
int aio_exec_step(PyRun *I, SimId op, bool throwing, SimId *out);
bool aio_exec_callback(PyRun *I, int op, SimId a, SimId b);
bool aio_exec_select(PyRun *I, int64_t timeout);
bool aio_exec_check_turn(PyRun *I);
bool aio_exec_shutdown(PyRun *I);
/* asyncio_cond.c: Condition */
SimId aio_cond_init(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_cond_acquire(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_cond_release(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_cond_locked(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_cond_aenter(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_cond_aexit(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_cond_notify(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_cond_notify_all(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_cond_wait(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_cond_wait_for(PyRun *I, SimId *a, int n, SimId kw);
int aio_cond_step(PyRun *I, SimId op, bool throwing, SimId *out);
/* asyncio_log.c: the loop view's record (lane: an LlLane; fut: what the task awaits) */
void aio_log_task(PyRun *I, SimId task);
void aio_log_name(PyRun *I, SimId task); /* its name changed */
void aio_log_lane(PyRun *I, SimId task, int lane, SimId fut);
void aio_log_turn(PyRun *I, size_t ready);
/* asyncio_tb.c: the pending exception leaves a coroutine of asyncio's
 * Python code; a task keeps exception e that came out of a library's
 * Python code; asyncio.run() raises its main task's exception e again */
void aio_lib_raised(PyRun *I);
/* asyncio_await.c: `await fut`'s step: pending, fut yielded to the task
 * (1); done, its result (0) or its exception raised (-1) */
int aio_await_future(PyRun *I, SimId fut, SimId *out);
/* the same when the model knows which of asyncio's frames (TB_KIND_*): an
 * error out of them is printed with them */
void aio_lib_raised_kind(PyRun *I, int kind);
void aio_keep_library(PyRun *I, SimId e);
void aio_run_raised(PyRun *I, SimId e);
/* the methods (asyncio.c's table lists them) */
SimId aio_lock_init(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_lock_acquire(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_lock_release(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_lock_locked(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_x_aenter(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_x_aexit(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_x_repr(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_sem_init(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_sem_acquire(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_sem_release(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_ev_init(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_ev_set(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_ev_clear(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_ev_is_set(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_ev_wait(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_q_init(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_q_put(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_q_get(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_q_join(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_q_put_nowait(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_q_get_nowait(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_q_task_done(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_q_qsize(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_q_empty(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_q_full(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_q_maxsize(PyRun *I, SimId *a, int n, SimId kw);
SimId aio_x_del(PyRun *I, SimId *a, int n, SimId kw);

#endif
