/*
 * futures: concurrent.futures's state the VM's thread switching needs —
 * which scheduler threads are a ThreadPoolExecutor's workers and what they
 * run (futures_pool.c), the futures' waiters (futures.c).
 */
#ifndef PYDIVE_PYRUN_MODULES_FUTURES_H
#define PYDIVE_PYRUN_MODULES_FUTURES_H

#include "pyrun/interp.h"

enum { FC_FUTURE, FC_EXECUTOR, FC_POOL, FC_GEN, FC_SIMPLEQ, FC_ERROR, FC_CANCELLED, FC_DONE_TUPLE, FC_COUNT };

typedef struct FutPool {
    SimId *items;   /* the work queue: (future, fn, args, kwargs) tuples, 0 the None sentinel (owned) */
    int head, n, cap;
    int *waiting;   /* workers blocked in get(), longest first (the queue's waiters) */
    int nwaiting, capwaiting;
    int sem;        /* _idle_semaphore's scheduler semaphore */
    int nthreads;   /* len(_threads) */
    bool shutdown;  /* executor._shutdown (also at interpreter exit) */
} FutPool;

typedef struct FutWorker {
    int pool;       /* -1: not a worker */
    SimId future;   /* the item it runs (owned), else 0 */
    bool idle;      /* it released the idle semaphore before this wait (3.12+) */
    bool handed;    /* put() gave it `item` while it waited */
    SimId item;     /* that item (owned; 0 the None sentinel) */
    int event;      /* the scheduler event its get() waits on */
    bool blocked;   /* the item's callable is a built-in whose call blocked (time.sleep,
                     * Lock.acquire ...): the future ends when the worker runs again */
    SimId value;    /* that call's result so far (owned; settled by vm_threads.c) */
} FutWorker;

typedef struct FutWait {
    SimId future;   /* borrowed: the waiting call holds it */
    int thread;     /* whose event to set when it finishes */
} FutWait;

typedef struct FutIter {
    SimId futures;  /* map: the futures left, last first; as_completed: those pending (owned list) */
    SimId ready;    /* as_completed: ended, to yield from the end (owned list) */
    bool map;
    const char *qualname;
} FutIter;

typedef struct PyFutures {
    SimId cls[FC_COUNT]; /* owned */
    FutPool *pools;
    int npools;
    FutWorker *workers;  /* per scheduler thread */
    int nworkers;
    int *events;         /* per scheduler thread: the event its waits for futures use (-1 none) */
    int nevents;
    FutWait *waits;
    int nwaits, capwaits;
    FutIter *iters;      /* by the iterator object's spare word */
    int niters, capiters;
    int counter;         /* ThreadPoolExecutor._counter */
    int finish_seq;      /* futures that ended, numbered in order */
} PyFutures;

/* vm_threads.c's questions: is thread t a pool worker; its next step when
 * it has no frame (1: a frame pushed, 0: it waits, 2: it ends, -1:
 * refused); its frame returned r (stolen) or raised (the pending error). */
bool futures_is_worker(PyRun *I, int t);
int futures_worker_next(PyRun *I);
void futures_worker_returned(PyRun *I, SimId r);
bool futures_worker_raised(PyRun *I);
/* Thread t's built-in item call that blocked settles to v (stolen): false
 * when t has none (a Thread's target called from C: v is the caller's). */
bool futures_worker_settled(PyRun *I, int t, SimId v);
/* asyncio's loop (asyncio_exec.c): ThreadPoolExecutor, is v one, submit
 * (the caller runs the other threads when it must wait: a new worker's
 * start()); shutdown(wait=False) once, then a worker of ex still alive to
 * join (-1 none; -2 refused) */
SimId futures_executor_class(PyRun *I);
bool futures_is_executor(PyRun *I, SimId v);
SimId futures_submit_from_loop(PyRun *I, SimId ex, SimId fn, SimId args, SimId kwargs);
int futures_shutdown_from_loop(PyRun *I, SimId ex);
/* futures.c: a Future's state once it ended (0 running or pending, 1 a
 * result, 2 an exception, 3 cancelled) and what it holds (borrowed) */
int futures_outcome(PyRun *I, SimId f, SimId *value);
/* The interpreter's exit (_python_exit): every pool shuts down. */
void futures_at_exit(PyRun *I);
/* Is cls one of the module's classes? */
bool futures_owns(PyRun *I, SimId cls);
void futures_roots(PyRun *I, SimVisit visit, void *arg);
void futures_free(PyRun *I);

#endif
