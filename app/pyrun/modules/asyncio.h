/*
 * asyncio: the module's state the interpreter sees (its classes, for the
 * audit's roots and the await protocol) — modules/asyncio*.c.
 */
#ifndef PYDIVE_PYRUN_MODULES_ASYNCIO_H
#define PYDIVE_PYRUN_MODULES_ASYNCIO_H

#include "pyrun/interp.h"

enum { AC_FUTURE, AC_TASK, AC_SLEEP, AC_LOOP, AC_CANCELLED, AC_INVALID, AC_QUEUE, AC_QEMPTY, AC_QFULL, AC_EVENT,
       AC_LOCK, AC_SEM, AC_BSEM, AC_OP, AC_TIMEOUT, AC_TGROUP, AC_ASCOMP, AC_COND, AC_HANDLE, AC_TIMERHANDLE, AC_COUNT };

/* Refuses (true) a measurement `what` of one of the module's objects, whose
 * reference counts are the loop's. */
bool asyncio_refused(PyRun *I, SimId obj, const char *what);
/* sys.getrefcount(obj) of an asyncio object: false when obj is none;
 * else *out is CPython's count (a task pending or done, a plain future), or
 * 0 with the read refused (the running task, a gather pending, the loop's
 * other objects) */
bool asyncio_getrefcount(PyRun *I, SimId obj, SimId *out);
/* concurrent.futures: Future f finished in a worker thread; when
 * run_in_executor wrapped it, the loop's copy gets its state at the loop's
 * next turn (call_soon_threadsafe) and the loop wakes (asyncio_exec.c) */
void asyncio_executor_done(PyRun *I, SimId f);
/* The loop's thread keeps the GIL inside a call from C (a task's step):
 * false, refused, when a worker thread has waited for it past the switch
 * interval (CPython would hand it over there) */
bool asyncio_gil_kept(PyRun *I);
/* The uncaught exception's traceback has asyncio.run()'s frames (runners.py,
 * base_events.py): true with them in mid[0..*nmid) (3 at most), to be shown
 * after the flagged entry of exception *at's traceback; false when its
 * traceback (or its chain's) has frames of asyncio's or another library's
 * Python code the model does not know */
bool asyncio_run_tb(PyRun *I, TbLibEntry *mid, int *nmid, SimId *at);
/* The frames of asyncio's coroutines the model knows (a traceback entry's
 * TB_LASTI_KIND): sleep's `return await future`, wait_for's return,
 * TaskGroup's and Timeout's __aexit__ */
enum { TB_KIND_SLEEP = 1, TB_KIND_WAIT_FOR_NONE, TB_KIND_WAIT_FOR, TB_KIND_TG_AEXIT, TB_KIND_TIMEOUT_AEXIT,
       TB_KIND_WAIT_FOR_CANCELLED, TB_KIND_WAIT_FOR_TIMEOUT };
/* those of kind k, for the running profile, in e[0..] (2 at most): their number */
int asyncio_tb_kind(PyRun *I, int k, TbLibEntry *e);
/* A blocking call (time.sleep, a lock's acquire, Queue.get, Thread.start ...)
 * inside a call from C: true when the running thread is the loop's, inside
 * asyncio.run(): it blocks the loop there, the other threads running
 * meanwhile (I->ts->wait_nested, vm_wait_call) */
bool asyncio_wait_here(PyRun *I);
/* References the module's state holds (for the audit). */
void asyncio_roots(PyRun *I, SimVisit visit, void *arg);
void asyncio_free(PyRun *I);

#endif
