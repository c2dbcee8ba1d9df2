/*
 * threading: the module's state the VM's thread switching needs (the Thread
 * objects of the threads that run, their classes) — modules/threading.c
 * makes them, vm_threads.c starts and ends the threads.
 */
#ifndef PYDIVE_PYRUN_MODULES_THREADING_H
#define PYDIVE_PYRUN_MODULES_THREADING_H

#include "pyrun/interp.h"

enum { THC_THREAD, THC_MAIN, THC_LOCK, THC_RLOCK, THC_EVENT, THC_COND, THC_SEM, THC_BSEM, THC_TIMER, THC_BARRIER, THC_BROKEN,
       /* queue.c's */
       THC_QUEUE, THC_LIFO, THC_PRIO, THC_QEMPTY, THC_QFULL,
       /* threading_local.c's */
       THC_LOCAL, THC_EHARGS, THC_COUNT };

typedef struct PyThreading {
    SimId cls[THC_COUNT];  /* the classes (owned) */
    SimId *objs;           /* per scheduler thread: its Thread object while it is alive
                            * (threading._active's reference, owned), else 0 */
    int nobjs;
    int counter;           /* threading._counter: the next "Thread-N" */
    struct ThrLocals *locals; /* threading_local.c: each local's per-thread dicts (NULL until one) */
    SimId dict;            /* the module's dict (borrowed: sys.modules keeps the module) */
    SimId hook_exc;        /* while a hook the program set runs: the exception it was given
                            * (borrowed: its args hold it), for threading.__excepthook__ */
    bool hook_own_run;     /*   its thread's run() was Thread.run */
    const char *hook_lib;  /*   it came out of a library the model runs in C, or NULL */
    int hook_lib_line;
} PyThreading;

/* The Thread object of scheduler thread t (borrowed), 0 when none. */
SimId threading_obj(PyRun *I, int t);
/* Thread t ended: its Thread object shows it stopped and leaves _active
 * (own_run: Thread.run ran, whose finally deletes _target, _args, _kwargs). */
void threading_thread_ended(PyRun *I, int t, bool own_run);
/* What a new thread runs: the callable and its arguments (new references:
 * *args an owned array of *nargs, *kwnames a tuple or 0). */
SimId threading_boot_call(PyRun *I, int t, SimId **args, int *nargs, SimId *kwnames, bool *own_run);
/* threading_local.c.  local_new's part: obj is a new instance of class
 * cls; when it is a threading.local, its arguments are checked and kept and
 * its dict for the running thread made (false: raised). */
bool threading_local_new(PyRun *I, SimId obj, SimId *args, int nargs, SimId kwnames);
/* Before an attribute of obj is read (store false) or set or deleted (store
 * true): for a local, a subclass's __init__ owed to the running thread runs
 * and __dict__ cannot be set (false: raised). */
bool threading_local_check(PyRun *I, SimId obj, SimId name, bool store);
/* Scheduler thread t runs now: each local shows t's dict. */
void threading_locals_switch(PyRun *I, int t);
/* Scheduler thread t ended: its dicts go. */
void threading_locals_thread_ended(PyRun *I, int t);
/* 1: obj is a threading.local; 2: obj is one of their per-thread dicts; else 0 */
int threading_local_shape(PyRun *I, SimId obj);
/* Is cls threading.local (_thread._local) itself? */
bool threading_is_local_class(PyRun *I, SimId cls);
/* A class just made with tp_base best: a direct subclass of threading.local
 * gets the managed __dict__'s room. */
void threading_local_layout(PyRun *I, SimId cls, SimId best);
/* The tp_name of the module's C types (_thread.lock, _thread.RLock,
 * _thread._local) for v of one of them, else NULL. */
const char *threading_tp_name(PyRun *I, SimId v);
/* threading_excepthook.c: the running thread's run() raised (the error is
 * pending): a hook the program set gets it, or the default one drops a
 * SystemExit; true when that is done (frames unwound, the error cleared:
 * the thread ends as if run() returned), false when the model refuses the
 * default hook's print (or the hook raised: refused). */
bool threading_thread_raised(PyRun *I);
/* Is cls one of the module's classes? */
bool threading_owns(PyRun *I, SimId cls);
/* References the module's state holds (for the audit). */
void threading_roots(PyRun *I, SimVisit visit, void *arg);
void threading_free(PyRun *I);

#endif
